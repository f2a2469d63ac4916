namespace AmbassadorNet.Contracts;

/// <summary>
/// An event for our own services only: partners never receive it, neither as a webhook nor on the
/// partner event stream (the webhooks service leaves it out of the events it offers).
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class InternalEventAttribute : Attribute;
