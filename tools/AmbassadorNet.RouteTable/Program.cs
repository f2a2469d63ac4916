using AmbassadorNet.RouteTable;

// dotnet run --project tools/AmbassadorNet.RouteTable -- --write   rewrites the gateway's generated table;
// without --write it only says whether the checked-in file is current (exit code 1 if not).
var generated = await ServiceRouteTable.RenderAsync();
var path = ServiceRouteTable.CheckedInPath();
var current = File.Exists(path) ? await File.ReadAllTextAsync(path) : null;
if (args.Contains("--write"))
{
    if (current != generated)
    {
        await File.WriteAllTextAsync(path, generated);
    }

    Console.WriteLine(current == generated ? $"{path} is current." : $"Wrote {path}.");
    return 0;
}

Console.WriteLine(current == generated ? $"{path} is current." : $"{path} is stale; run: {GeneratedTableFile.Command}");
return current == generated ? 0 : 1;
