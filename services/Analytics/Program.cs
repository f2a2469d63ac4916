using AmbassadorNet.Analytics;
using AmbassadorNet.ServiceDefaults.Deployment;

var app = AnalyticsApp.Create(args);
if (await app.RunDeploymentCommandAsync(args))
{
    return;
}

await app.RunAsync();
