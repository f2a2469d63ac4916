namespace AmbassadorNet.Benchmarks;

/// <summary>The whole system, started by the first group that needs it (R1 does not), stopped at the end.</summary>
public sealed class SystemOnDemand(BenchOptions options) : IAsyncDisposable
{
    private Task<BenchSystem>? _starting;

    public Task<BenchSystem> GetAsync() => _starting ??= BenchSystem.StartAsync(options);

    public async ValueTask DisposeAsync()
    {
        if (_starting is not null)
        {
            await (await _starting).DisposeAsync();
        }
    }
}
