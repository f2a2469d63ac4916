namespace AmbassadorNet.Contracts;

/// <summary>
/// A fact that one service published for the others. Every event names the brand it belongs to and
/// when the fact happened (not when it was published). Events are immutable records in the
/// namespace of the service that owns them, named in the past tense; they change only by adding
/// optional members, and a breaking change is a new type.
/// </summary>
public interface IIntegrationEvent
{
    Guid BrandId { get; }

    DateTimeOffset OccurredAt { get; }
}
