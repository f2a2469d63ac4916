namespace AmbassadorNet.Persistence.Auditing;

/// <summary>
/// A secret (key material, a signing secret even when encrypted): the audit trail says only that it
/// changed, as "***", never its value.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class AuditSecretAttribute : Attribute;
