using AmbassadorNet.Campaigns;
using AmbassadorNet.ServiceDefaults.Deployment;

var app = CampaignsApp.Create(args);
if (await app.RunDeploymentCommandAsync(args))
{
    return;
}

await app.RunAsync();
