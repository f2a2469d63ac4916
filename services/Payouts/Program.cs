using AmbassadorNet.Payouts;
using AmbassadorNet.ServiceDefaults.Deployment;

var app = PayoutsApp.Create(args);
if (await app.RunDeploymentCommandAsync(args))
{
    return;
}

await app.RunAsync();
