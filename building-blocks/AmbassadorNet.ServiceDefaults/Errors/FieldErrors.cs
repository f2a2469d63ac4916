namespace AmbassadorNet.ServiceDefaults.Errors;

/// <summary>
/// Collects every problem with a request before answering, so a client fixes all fields in one
/// round trip: <c>errors.Check(name is not null, "name", "A name is required."); errors.ThrowIfAny();</c>
/// </summary>
public sealed class FieldErrors
{
    private readonly Dictionary<string, List<string>> _errors = new(StringComparer.Ordinal);

    public bool IsEmpty => _errors.Count == 0;

    public FieldErrors Check(bool valid, string field, string message)
    {
        if (!valid)
        {
            Add(field, message);
        }

        return this;
    }

    public void Add(string field, string message)
    {
        if (!_errors.TryGetValue(field, out var messages))
        {
            _errors[field] = messages = [];
        }

        messages.Add(message);
    }

    public IDictionary<string, string[]> ToDictionary() => _errors.ToDictionary(e => e.Key, e => e.Value.ToArray());

    public void ThrowIfAny()
    {
        if (!IsEmpty)
        {
            throw new RequestValidationException(ToDictionary());
        }
    }
}
