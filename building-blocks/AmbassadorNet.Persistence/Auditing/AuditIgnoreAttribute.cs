namespace AmbassadorNet.Persistence.Auditing;

/// <summary>A field the audit trail leaves out because it is derived or noisy (a computed counter, a search vector); concurrency tokens are left out without it.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class AuditIgnoreAttribute : Attribute;
