using AmbassadorNet.Gateway;
using AmbassadorNet.ServiceDefaults.Deployment;

var app = GatewayApplication.Create(new WebApplicationOptions { Args = args });
if (await app.RunDeploymentCommandAsync(args))
{
    return;
}

await app.Serve().RunAsync();
