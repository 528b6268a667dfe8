using System.Collections;
using System.Linq.Expressions;
using System.Reflection;
using Microsoft.EntityFrameworkCore.Query;

namespace PetitionGraph.Api.Data.Query;

/// <summary>
/// Replaces the values a query tree captures (members of constant objects: closures, filter-value holders, the
/// request's query context) with named query parameters, so that one compiled query serves every request of the
/// same shape. EF Core does the same on every execution before it looks the tree up in its query cache; done here,
/// a cache can key on the small part of a query that varies and skip building the rest.
/// <para>
/// <see cref="Lift"/> names every captured value by its position (<see cref="ParameterName"/>); <see cref="Name"/>
/// names only the captures listed in <c>known</c> (an object and one of its members) and returns null if there are
/// others. Either returns null for a value that is not plain data (a query, an entity, an expression): EF Core would
/// fix such a value into a compiled query, so the tree must not be compiled once and reused.
/// </para>
/// </summary>
public sealed class CapturedValues : ExpressionVisitor
{
    private static readonly string[] Names = [.. Enumerable.Range(0, 32).Select(i => "v" + i)];

    private readonly bool _lift;
    private readonly IReadOnlyList<(object Owner, MemberInfo Member, string Name)> _known;
    private readonly List<object?> _values = [];

    private CapturedValues(bool lift, IReadOnlyList<(object Owner, MemberInfo Member, string Name)> known)
    {
        _lift = lift;
        _known = known;
    }

    private bool Failed { get; set; }

    /// <summary>Every capture of <paramref name="tree"/> as parameter <c>v0, v1, …</c>; null if one cannot be.</summary>
    public static (T Tree, object?[] Values)? Lift<T>(T tree) where T : Expression
    {
        var visitor = new CapturedValues(lift: true, []);
        var lifted = (T)visitor.Visit(tree);
        return visitor.Failed ? null : (lifted, visitor._values.ToArray());
    }

    /// <summary><paramref name="tree"/> with only the <paramref name="known"/> captures as parameters; null if it has others.</summary>
    public static Expression? Name(Expression tree, IReadOnlyList<(object Owner, MemberInfo Member, string Name)> known)
    {
        var visitor = new CapturedValues(lift: false, known);
        var named = visitor.Visit(tree);
        return visitor.Failed ? null : named;
    }

    /// <summary>The name <see cref="Lift"/> gives the value at <paramref name="index"/> (cached for the usual few).</summary>
    public static string ParameterName(int index) => index < Names.Length ? Names[index] : "v" + index;

    protected override Expression VisitMember(MemberExpression node)
    {
        if (!IsCapture(node))
        {
            return base.VisitMember(node);
        }
        var owner = node.Expression is null ? null : Evaluate(node.Expression);
        if (owner is null && node.Expression is not null)
        {
            Failed = true; // EF Core would fail reading a member of null; leave that to its own path.
            return node;
        }
        foreach (var (knownOwner, member, name) in _known)
        {
            if (ReferenceEquals(owner, knownOwner) && member == node.Member)
            {
                return new QueryParameterExpression(name, node.Type);
            }
        }
        return Capture(node.Type, Read(node.Member, owner));
    }

    protected override Expression VisitConstant(ConstantExpression node) =>
        node.Value is null || IsScalar(node.Type) ? node : Capture(node.Type, node.Value);

    private QueryParameterExpression Capture(Type type, object? value)
    {
        if (!_lift || !IsData(type) || value is IQueryable)
        {
            Failed = true;
            return new QueryParameterExpression("unnamed", type);
        }
        var name = ParameterName(_values.Count);
        _values.Add(value);
        return new QueryParameterExpression(name, type);
    }

    /// <summary>A chain of member reads that starts at a constant or a static member: something EF would evaluate.</summary>
    private static bool IsCapture(MemberExpression node) =>
        node.Expression switch
        {
            null => true,
            ConstantExpression => true,
            MemberExpression inner => IsCapture(inner),
            _ => false,
        };

    private static object? Evaluate(Expression node) =>
        node switch
        {
            ConstantExpression constant => constant.Value,
            MemberExpression member => member.Expression is null
                ? Read(member.Member, null)
                : Evaluate(member.Expression) is { } owner ? Read(member.Member, owner) : null,
            _ => throw new InvalidOperationException($"Not a capture: {node}"),
        };

    private static object? Read(MemberInfo member, object? owner) =>
        member switch
        {
            FieldInfo field => field.GetValue(owner),
            PropertyInfo property => property.GetValue(owner),
            _ => throw new InvalidOperationException($"Cannot read {member}."),
        };

    /// <summary>Values a query parameter can carry: scalars, and lists of scalars (for IN).</summary>
    private static bool IsData(Type type) =>
        IsScalar(type) || (type.IsArray && IsScalar(type.GetElementType()!))
        || (type.IsGenericType && typeof(IEnumerable).IsAssignableFrom(type) && type.GetGenericArguments() is [var item] && IsScalar(item));

    private static bool IsScalar(Type type)
    {
        var plain = Nullable.GetUnderlyingType(type) ?? type;
        return plain.IsPrimitive || plain.IsEnum || plain == typeof(string) || plain == typeof(decimal) || plain == typeof(DateTime)
            || plain == typeof(DateTimeOffset) || plain == typeof(DateOnly) || plain == typeof(TimeOnly) || plain == typeof(TimeSpan)
            || plain == typeof(Guid);
    }
}
