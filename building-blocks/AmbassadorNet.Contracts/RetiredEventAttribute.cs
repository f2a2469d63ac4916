namespace AmbassadorNet.Contracts;

/// <summary>
/// An event that is no longer published: a breaking change replaced it with a new type. It stays in
/// this assembly so partners' code still compiles and events published before the change can still
/// be read (our consumers still count one that is re-published); partners can no longer subscribe to it.
/// </summary>
/// <param name="replacedBy">The type that replaced it.</param>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class RetiredEventAttribute(Type replacedBy) : Attribute
{
    public Type ReplacedBy { get; } = replacedBy;
}
