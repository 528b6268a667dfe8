using System.Linq.Expressions;

namespace PetitionGraph.Api.GraphQL.Filtering;

/// <summary>One field of a <see cref="QueryShape{T}"/>: how to reach a value from the row, and what it offers.</summary>
public abstract record ShapeField(string Name, string? Description);

/// <summary>A scalar: filterable with the operators of its kind, sortable unless said otherwise.</summary>
/// <remarks>Accessor builds <c>row =&gt; value</c>, given the query context for computed fields.</remarks>
public sealed record ScalarShapeField(
    string Name,
    string? Description,
    ScalarKind Kind,
    Type ValueType,
    Func<QueryContext, LambdaExpression> Accessor,
    bool Sortable) : ShapeField(Name, Description)
{
    public bool PersonalData { get; init; }

    public bool IsNullable => !ValueType.IsValueType || Nullable.GetUnderlyingType(ValueType) is not null;
}

/// <summary>
/// A number computed from a baseline the filter names (<c>since</c>), e.g. the key-case class from the petitions
/// received since a campaign's baseline date. Filter only: its operators are the Int ones plus <c>since</c>.
/// </summary>
public sealed record BaselineShapeField(string Name, string? Description, Func<QueryContext, DateTime, LambdaExpression> Accessor)
    : ShapeField(Name, Description);

/// <summary>The row's global id (<c>id: { eq | in | neq | nin }</c>), compared as the key it encodes.</summary>
public sealed record IdShapeField(string Name, string? Description, string TypeName, LambdaExpression Accessor) : ShapeField(Name, Description);

/// <summary>A to-one relation: filter and sort through it.</summary>
public sealed record RelationShapeField(string Name, string? Description, Type Target, LambdaExpression Navigation)
    : ShapeField(Name, Description);

/// <summary>
/// A computed set of enum values, such as the records a case misses: <c>any</c> (the set is not empty) and <c>includes</c>
/// (this value is in it). <c>Includes</c> gives the condition for one value; <c>Any</c> the condition for some value.
/// </summary>
public sealed record EnumSetShapeField(string Name, string? Description, Type EnumType, Func<object, LambdaExpression> Includes, LambdaExpression Any)
    : ShapeField(Name, Description);

/// <summary>A to-many relation: <c>some</c>, <c>none</c>, <c>all</c>, <c>any</c>.</summary>
public sealed record ManyShapeField(string Name, string? Description, Type Target, LambdaExpression Navigation)
    : ShapeField(Name, Description);
