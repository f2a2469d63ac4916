using System.Collections.Concurrent;
using AmbassadorNet.Messaging.Registration;
using AmbassadorNet.Persistence.Tenancy;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AmbassadorNet.Messaging.Inbox;

/// <summary>The batcher of each handler that batches, made when its first message arrives.</summary>
public sealed class InboxBatchers<TContext>(IServiceScopeFactory scopes, InboxPipeline<TContext> pipeline, ILogger<InboxBatcher<TContext>> logger)
    : IDisposable
    where TContext : BrandScopedDbContext
{
    private readonly ConcurrentDictionary<HandlerRegistration, Lazy<InboxBatcher<TContext>>> _batchers = [];

    public InboxBatcher<TContext> For(HandlerRegistration handler) =>
        _batchers.GetOrAdd(handler, h => new Lazy<InboxBatcher<TContext>>(() => new InboxBatcher<TContext>(h, scopes, pipeline, logger))).Value;

    public void Dispose()
    {
        foreach (var batcher in _batchers.Values.Where(b => b.IsValueCreated))
        {
            batcher.Value.Dispose();
        }
    }
}
