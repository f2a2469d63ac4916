using AmbassadorNet.ServiceDefaults.Deployment;
using AmbassadorNet.Webhooks;

var app = WebhooksApp.Create(args);
if (await app.RunDeploymentCommandAsync(args))
{
    return;
}

await app.RunAsync();
