namespace AmbassadorNet.Persistence.Auditing;

/// <summary>The kinds of person whose data the audit trail can erase.</summary>
public enum DataSubjectKind
{
    Creator,
    Member,
}

/// <summary>An entity that is a person itself (a creator, a member): its key names whose its <see cref="PersonalDataAttribute"/> fields are.</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class DataSubjectAttribute(DataSubjectKind kind) : Attribute
{
    public DataSubjectKind Kind { get; } = kind;
}
