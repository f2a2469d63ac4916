using AmbassadorNet.ServiceDefaults.Configuration;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace AmbassadorNet.ServiceDefaults.Time;

public static class ClockRegistration
{
    public const string TestingEnvironment = "Testing";

    /// <summary>The one clock of the service: system time, or system time plus a test offset in Testing.</summary>
    public static IHostApplicationBuilder AddClock(this IHostApplicationBuilder builder)
    {
        var options = builder.AddSettings<ClockOptions>();
        var testClock = builder.Environment.IsEnvironment(TestingEnvironment) && !string.IsNullOrWhiteSpace(options.OffsetFile);
        builder.Services.AddSingleton<TimeProvider>(testClock
            ? new OffsetTimeProvider(new ClockOffsetFile(options.OffsetFile!))
            : TimeProvider.System);
        return builder;
    }
}
