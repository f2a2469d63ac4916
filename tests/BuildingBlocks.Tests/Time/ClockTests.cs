using AmbassadorNet.ServiceDefaults.Time;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace BuildingBlocks.Tests.Time;

public sealed class ClockTests : IDisposable
{
    private readonly string _offsetFile = Path.Combine(Path.GetTempPath(), $"amb-clock-{Guid.NewGuid():N}");

    [Fact]
    public void The_offset_clock_follows_the_file_while_running()
    {
        var clock = new OffsetTimeProvider(new ClockOffsetFile(_offsetFile));
        var before = clock.GetUtcNow();
        Assert.True((before - DateTimeOffset.UtcNow).Duration() < TimeSpan.FromSeconds(5), "a missing file means no offset");

        ClockOffsetFile.Write(_offsetFile, TimeSpan.FromDays(30));
        var later = clock.GetUtcNow();
        ClockOffsetFile.Write(_offsetFile, TimeSpan.FromDays(31));
        var evenLater = clock.GetUtcNow();

        Assert.InRange(later - DateTimeOffset.UtcNow, TimeSpan.FromDays(30) - TimeSpan.FromSeconds(5), TimeSpan.FromDays(30) + TimeSpan.FromSeconds(5));
        Assert.InRange(evenLater - later, TimeSpan.FromDays(1) - TimeSpan.FromSeconds(5), TimeSpan.FromDays(1) + TimeSpan.FromSeconds(5));
    }

    [Theory]
    [InlineData("Testing", true)]
    [InlineData("Development", false)]
    [InlineData("Production", false)]
    public void Only_the_testing_environment_honours_the_offset(string environment, bool shifted)
    {
        ClockOffsetFile.Write(_offsetFile, TimeSpan.FromDays(30));
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { EnvironmentName = environment });
        builder.Configuration["Clock:OffsetFile"] = _offsetFile;

        builder.AddClock();
        using var services = builder.Services.BuildServiceProvider();
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();

        Assert.Equal(shifted, now - DateTimeOffset.UtcNow > TimeSpan.FromDays(29));
    }

    public void Dispose() => File.Delete(_offsetFile);
}
