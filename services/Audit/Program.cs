using AmbassadorNet.Audit;
using AmbassadorNet.ServiceDefaults.Deployment;

var app = AuditApp.Create(args);
if (await app.RunDeploymentCommandAsync(args))
{
    return;
}

await app.RunAsync();
