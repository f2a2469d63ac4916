using AmbassadorNet.Contracts;

namespace ServiceDefaults.Tests.Sample.Events;

public sealed record ProductPublished(Guid BrandId, DateTimeOffset OccurredAt, Guid ProductId, string Name, decimal Price) : IIntegrationEvent;

/// <summary>Depends on ProductPublished: arriving first, it is parked until the product is known. Negative stars make it a poison message.</summary>
public sealed record ProductReviewed(Guid BrandId, DateTimeOffset OccurredAt, Guid ProductId, int Stars) : IIntegrationEvent;

/// <summary>Its handler always fails, to exercise retries and the error queue.</summary>
public sealed record PoisonPill(Guid BrandId, DateTimeOffset OccurredAt, string Note) : IIntegrationEvent;

/// <summary>Its handler finds the database unreachable a few times before it succeeds.</summary>
public sealed record DatabaseHiccup(Guid BrandId, DateTimeOffset OccurredAt, int Failures) : IIntegrationEvent;
