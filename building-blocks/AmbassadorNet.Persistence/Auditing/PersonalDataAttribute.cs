namespace AmbassadorNet.Persistence.Auditing;

/// <summary>
/// A person's data (a name, an email, a handle, a payee reference, a caption, a URL that names them).
/// The audit trail keeps it apart from the rest of a change, under the creator or member it belongs to
/// (the row's <c>CreatorId</c> or <c>MemberId</c>, or the row itself when its class is a
/// <see cref="DataSubjectAttribute"/>), so erasing that person removes it and the chain still verifies.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class PersonalDataAttribute : Attribute;
