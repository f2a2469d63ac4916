using System.Linq.Expressions;

namespace AmbassadorNet.Persistence.Pagination;

/// <summary>
/// A named sort order for keyset pagination: a non-null key, then the id to break ties, both in the
/// same direction. Declare one per sort a list offers, as a static field.
/// </summary>
public sealed class KeysetOrder<T, TKey>
{
    private readonly Expression<Func<T, TKey>> _key;
    private readonly Expression<Func<T, Guid>> _id;
    private readonly Func<T, TKey> _keyOf;
    private readonly Func<T, Guid> _idOf;

    public KeysetOrder(string name, Expression<Func<T, TKey>> key, Expression<Func<T, Guid>> id, bool descending)
    {
        Name = name;
        Descending = descending;
        _key = key;
        _id = id;
        _keyOf = key.Compile();
        _idOf = id.Compile();
    }

    public string Name { get; }

    public bool Descending { get; }

    internal TKey KeyOf(T row) => _keyOf(row);

    internal Guid IdOf(T row) => _idOf(row);

    internal IQueryable<T> Apply(IQueryable<T> query) =>
        Descending
            ? query.OrderByDescending(_key).ThenByDescending(_id)
            : query.OrderBy(_key).ThenBy(_id);

    /// <summary>key > k OR (key = k AND id > i), with &lt; for a descending order.</summary>
    internal Expression<Func<T, bool>> After(Cursor<TKey> cursor)
    {
        var row = _key.Parameters[0];
        var key = _key.Body;
        var id = new ReplaceParameter(_id.Parameters[0], row).Visit(_id.Body);
        var keyValue = Captured(cursor.Key);
        var idValue = Captured(cursor.Id);

        var beyond = Compare(key, keyValue);
        var tie = Expression.AndAlso(Expression.Equal(key, keyValue), Compare(id, idValue));
        return Expression.Lambda<Func<T, bool>>(Expression.OrElse(beyond, tie), row);
    }

    private Expression Compare(Expression left, Expression right)
    {
        // Types without < and > operators (Guid, string) compare through CompareTo, which EF Core
        // translates to the SQL comparison operators.
        var hasOperator = left.Type.IsPrimitive || left.Type == typeof(decimal) || left.Type == typeof(DateTime) || left.Type == typeof(DateTimeOffset);
        if (hasOperator)
        {
            return Descending ? Expression.LessThan(left, right) : Expression.GreaterThan(left, right);
        }

        var compareTo = Expression.Call(left, left.Type.GetMethod("CompareTo", [left.Type])!, right);
        var zero = Expression.Constant(0);
        return Descending ? Expression.LessThan(compareTo, zero) : Expression.GreaterThan(compareTo, zero);
    }

    // A member of a closure object, not a constant, so EF sends it as a parameter and caches one plan.
    private static MemberExpression Captured<TValue>(TValue value) =>
        Expression.Property(Expression.Constant(new Box<TValue>(value)), nameof(Box<TValue>.Value));

    private sealed record Box<TValue>(TValue Value);

    private sealed class ReplaceParameter(ParameterExpression from, ParameterExpression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : node;
    }
}
