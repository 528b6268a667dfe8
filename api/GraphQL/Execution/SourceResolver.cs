using GraphQL;
using GraphQL.Resolvers;

namespace PetitionGraph.Api.GraphQL.Execution;

/// <summary>Marks a resolver that reads nothing of its context but the source object (see <see cref="PropertyRead"/>).</summary>
public interface ISourceOnlyResolver : IFieldResolver;

/// <summary>A field computed from its source object alone, such as a global id.</summary>
public sealed class SourceResolver<TSource, TValue>(Func<TSource, TValue> read) : ISourceOnlyResolver
{
    public ValueTask<object?> ResolveAsync(IResolveFieldContext context) => new(read((TSource)context.Source!));
}
