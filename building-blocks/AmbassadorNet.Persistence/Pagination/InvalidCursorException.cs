namespace AmbassadorNet.Persistence.Pagination;

/// <summary>A cursor that this list did not hand out (tampered, or from another sort order).</summary>
public sealed class InvalidCursorException(string reason) : ArgumentException($"The cursor is not valid: {reason}.", "cursor");
