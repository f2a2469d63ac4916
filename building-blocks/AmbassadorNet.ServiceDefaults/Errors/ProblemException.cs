namespace AmbassadorNet.ServiceDefaults.Errors;

/// <summary>
/// An expected failure that becomes an RFC 9457 problem: domain code throws one of the subclasses
/// and the exception handler answers with its status, title and detail.
/// </summary>
public abstract class ProblemException(int status, string title, string detail) : Exception(detail)
{
    public int Status { get; } = status;

    public string Title { get; } = title;

    /// <summary>Extra members of the problem document, such as a per-row report.</summary>
    public IDictionary<string, object?> Extensions { get; } = new Dictionary<string, object?>();
}

/// <summary>409: an illegal state change, or a request that contradicts an earlier one.</summary>
public sealed class ConflictException(string detail) : ProblemException(409, "Conflict", detail);

/// <summary>404: the resource does not exist (or belongs to another brand, which is the same to the caller).</summary>
public sealed class NotFoundException(string detail) : ProblemException(404, "Not found", detail);

/// <summary>400 with a field-level errors map.</summary>
public sealed class RequestValidationException(IDictionary<string, string[]> errors)
    : ProblemException(400, "One or more validation errors occurred.", "See errors for the fields to correct.")
{
    public IDictionary<string, string[]> Errors { get; } = errors;

    public RequestValidationException(string field, string message) : this(new Dictionary<string, string[]> { [field] = [message] })
    {
    }
}

/// <summary>410: the resource existed and its content is gone for good (erased personal data).</summary>
public sealed class GoneException(string detail) : ProblemException(410, "Gone", detail);
