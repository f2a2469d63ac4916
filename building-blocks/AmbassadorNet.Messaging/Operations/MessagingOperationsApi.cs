using AmbassadorNet.Persistence.Tenancy;
using AmbassadorNet.Security;
using AmbassadorNet.ServiceDefaults.Errors;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace AmbassadorNet.Messaging.Operations;

/// <summary>
/// Operator endpoints of every service (role "operator"; the gateway does not route /ops from
/// brands): what sits in the error queues and the parking table, and re-publishing.
/// </summary>
public static class MessagingOperationsApi
{
    private const int MaxBatch = 1000;

    public static RouteGroupBuilder MapMessagingOperations<TContext>(this IEndpointRouteBuilder app) where TContext : BrandScopedDbContext
    {
        var ops = app.MapGroup("/ops/messaging").RequireAccess(AccessPolicies.Operations).WithTags("Operations");

        ops.MapGet("/error-queues", (ErrorQueueBrowser errors, CancellationToken cancellationToken) => errors.QueuesAsync(cancellationToken))
            .WithName("ListErrorQueues").WithSummary("Each consumer's error queue and how many messages it holds.");

        ops.MapGet("/error-queues/{endpoint}/messages", async Task<Ok<IReadOnlyList<ErrorMessageView>>> (
                string endpoint, int? limit, ErrorQueueBrowser errors, CancellationToken cancellationToken) =>
                TypedResults.Ok(await errors.PeekAsync(endpoint, Limit(limit, 20), cancellationToken)))
            .WithName("PeekErrorQueue").WithSummary("The messages of one error queue with their fault, left in place.");

        ops.MapPost("/error-queues/{endpoint}/republish", async Task<Ok<RepublishResult>> (
                string endpoint, int? limit, ErrorQueueBrowser errors, CancellationToken cancellationToken) =>
                TypedResults.Ok(new RepublishResult(await errors.RepublishAsync(endpoint, Limit(limit, MaxBatch), cancellationToken))))
            .WithName("RepublishErrorQueue").WithSummary("Moves messages from an error queue back to its consumer.");

        ops.MapGet("/parked", async (int? limit, OutboxAdministration<TContext> outbox, CancellationToken cancellationToken) =>
                TypedResults.Ok(await outbox.ParkedAsync(Limit(limit, 100), cancellationToken)))
            .WithName("ListParkedMessages").WithSummary("Messages waiting for a prerequisite.");

        ops.MapPost("/events/republish", async Task<Ok<RepublishResult>> (
                DateTimeOffset? since, OutboxAdministration<TContext> outbox, CancellationToken cancellationToken) =>
                TypedResults.Ok(new RepublishResult(await outbox.RepublishSinceAsync(
                    since ?? throw new RequestValidationException("since", "Give the time to re-publish from, e.g. ?since=2026-11-01T00:00:00Z."),
                    cancellationToken))))
            .WithName("RepublishEvents").WithSummary("Publishes this service's kept events again since a time, with their original ids.");

        return ops;
    }

    private static int Limit(int? requested, int fallback) =>
        requested switch
        {
            null => fallback,
            < 1 or > MaxBatch => throw new RequestValidationException("limit", $"limit must be between 1 and {MaxBatch}."),
            _ => requested.Value,
        };
}

public sealed record RepublishResult(int Republished);
