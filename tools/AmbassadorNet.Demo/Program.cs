using AmbassadorNet.Demo;

var options = DemoOptions.Parse(args, Console.Error);
if (options is null)
{
    return 2;
}

using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 32 }) { Timeout = TimeSpan.FromSeconds(60) };
Console.WriteLine($"Seeding {options.BrandName} through {options.Gateway} (random seed {options.Seed})");
var result = await new Seeder(http, options.Gateway, options.OperatorKey, options, Console.Out).RunAsync();
await Report.PrintAsync(result, Console.Out);
return 0;
