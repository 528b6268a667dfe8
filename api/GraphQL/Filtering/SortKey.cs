using System.Linq.Expressions;

namespace PetitionGraph.Api.GraphQL.Filtering;

/// <summary>One ORDER BY term: <c>row =&gt; value</c> and its direction. Nulls always sort last.</summary>
public sealed record SortKey(string Path, LambdaExpression Key, bool Descending)
{
    public Type ValueType => Key.ReturnType;

    public bool IsNullable => !ValueType.IsValueType || Nullable.GetUnderlyingType(ValueType) is not null;
}
