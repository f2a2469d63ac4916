using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace AmbassadorNet.Messaging.Registration;

/// <summary>
/// Lets an operator retune a queue without a release: <c>Messaging:Endpoints:{queue}:…</c> overrides
/// what the service's code chose for that queue's prefetch, concurrency and batches. A batch's size
/// and wait are a trade between latency and throughput that depends on the machine and the load, so
/// they belong to the deployment; the queue's arguments (quorum, delivery limit) do not, because a
/// declared queue cannot change them (docs/operations.md, "Messaging settings").
/// A key that names no queue of the service, or no setting, stops the service at start: a typo would
/// otherwise leave the queue quietly at its old settings.
/// </summary>
public static class EndpointOverrides
{
    public const string SectionName = "Messaging:Endpoints";

    private static readonly string[] EndpointKeys = [nameof(EndpointSettings.PrefetchCount), nameof(EndpointSettings.ConcurrentMessageLimit), nameof(EndpointSettings.Batch)];
    private static readonly string[] BatchKeys = ["Enabled", nameof(BatchSettings.MessageLimit), nameof(BatchSettings.TimeLimitMs), nameof(BatchSettings.Concurrency)];

    public static void Apply(IConfiguration configuration, IReadOnlyList<HandlerRegistration> handlers)
    {
        var queues = handlers.ToDictionary(h => h.EndpointName, StringComparer.OrdinalIgnoreCase);
        foreach (var endpoint in configuration.GetSection(SectionName).GetChildren())
        {
            if (!queues.TryGetValue(endpoint.Key, out var handler))
            {
                throw new InvalidOperationException(
                    $"{endpoint.Path} names no queue of this service; its queues are {string.Join(", ", queues.Keys.Order(StringComparer.Ordinal))}.");
            }

            Apply(handler.Settings, endpoint);
        }
    }

    /// <summary>Overrides <paramref name="settings"/> with the keys present in <paramref name="endpoint"/>; the rest stay as the code set them.</summary>
    public static void Apply(EndpointSettings settings, IConfigurationSection endpoint)
    {
        RefuseUnknown(endpoint, EndpointKeys);
        settings.PrefetchCount = Read(endpoint, nameof(EndpointSettings.PrefetchCount), settings.PrefetchCount, 1, 10_000);
        settings.ConcurrentMessageLimit = Read(endpoint, nameof(EndpointSettings.ConcurrentMessageLimit), settings.ConcurrentMessageLimit, 1, 1_000);

        var batch = endpoint.GetSection(nameof(EndpointSettings.Batch));
        if (!batch.GetChildren().Any())
        {
            return;
        }

        RefuseUnknown(batch, BatchKeys);
        if (!ReadEnabled(batch))
        {
            settings.Batch = null;
            return;
        }

        var current = settings.Batch ?? new BatchSettings();
        settings.Batch = new BatchSettings(
            Read(batch, nameof(BatchSettings.MessageLimit), current.MessageLimit, 1, 1_000),
            Read(batch, nameof(BatchSettings.TimeLimitMs), current.TimeLimitMs, 0, 10_000),
            Read(batch, nameof(BatchSettings.Concurrency), current.Concurrency, 1, 64));
    }

    private static bool ReadEnabled(IConfigurationSection batch) => batch["Enabled"] switch
    {
        null => true, // giving a limit is asking for batches
        var text when bool.TryParse(text, out var enabled) => enabled,
        var text => throw new InvalidOperationException($"{batch.Path}:Enabled is '{text}'; it takes true or false."),
    };

    private static int Read(IConfigurationSection section, string key, int current, int min, int max)
    {
        var text = section[key];
        if (text is null)
        {
            return current;
        }

        return int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max
            ? value
            : throw new InvalidOperationException($"{section.Path}:{key} is '{text}'; it takes a whole number from {min} to {max}.");
    }

    private static void RefuseUnknown(IConfigurationSection section, string[] known)
    {
        var unknown = section.GetChildren().Select(c => c.Key).Where(key => !known.Contains(key, StringComparer.OrdinalIgnoreCase)).ToList();
        if (unknown.Count > 0)
        {
            throw new InvalidOperationException($"{section.Path} has no setting {string.Join(", ", unknown)}; it takes {string.Join(", ", known)}.");
        }
    }
}
