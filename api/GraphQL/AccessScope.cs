using System.Linq.Expressions;
using PetitionGraph.Api.Cases;
using PetitionGraph.Api.GraphQL.Filtering;

namespace PetitionGraph.Api.GraphQL;

/// <summary>
/// Which rows the caller may see, applied in one place to every path a row can surface by
/// (root lists, node, nested lists, counts). Until roles arrive (issue "Access and protection") every row
/// is visible; the hook is here so that scoping never has to be added resolver by resolver.
/// </summary>
public sealed class AccessScope
{
    public Expression<Func<Case, bool>> Cases { get; } = _ => true;

    public Expression<Func<T, bool>> For<T>() where T : class => ExpressionTools.True<T>();
}
