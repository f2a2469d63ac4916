using AmbassadorNet.Creators;
using AmbassadorNet.ServiceDefaults.Deployment;

var app = CreatorsApp.Create(args);
if (await app.RunDeploymentCommandAsync(args))
{
    return;
}

await app.RunAsync();
