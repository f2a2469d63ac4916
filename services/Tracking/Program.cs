using AmbassadorNet.ServiceDefaults.Deployment;
using AmbassadorNet.Tracking;

var app = TrackingApp.Create(args);
if (await app.RunDeploymentCommandAsync(args))
{
    return;
}

await app.RunAsync();
