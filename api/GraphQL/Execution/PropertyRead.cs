using System.Collections.Concurrent;
using GraphQL;
using GraphQL.DataLoader;
using GraphQL.Resolvers;
using GraphQL.Types;

namespace PetitionGraph.Api.GraphQL.Execution;

/// <summary>
/// A scalar field declared as <c>Field(x =&gt; x.Property)</c> (or <c>x =&gt; x.A.B</c>). GraphQL.NET compiles such an
/// expression into a resolver that reads nothing of its context but <see cref="IResolveFieldContext.Source"/>, so the
/// executor may run it with any context of the same source object, shared by all such fields of that object. So may a
/// field whose resolver is marked <see cref="ISourceOnlyResolver"/> (a global id). Every other field (a resolver of our
/// own, a personal-data field, an argument, a DataLoader) has no <see cref="PropertyRead"/>.
/// </summary>
public sealed class PropertyRead
{
    private static readonly ConcurrentDictionary<FieldType, PropertyRead?> ByField = new();

    private readonly IFieldResolver _resolver;
    private readonly bool _nonNull;

    private PropertyRead(IFieldResolver resolver, ScalarGraphType scalar, bool nonNull)
    {
        _resolver = resolver;
        Scalar = scalar;
        _nonNull = nonNull;
    }

    public ScalarGraphType Scalar { get; }

    public static PropertyRead? For(FieldType field) => ByField.GetOrAdd(field, Create);

    /// <summary>
    /// Runs the field's own resolver with <paramref name="sourceContext"/>, a context whose source is the object, and
    /// serialises the value. False when anything is unusual (the resolver or serialiser throws, null for a non-null
    /// type): the ordinary resolve path then runs the field again and reports it as it always has.
    /// </summary>
    public bool TryRead(IResolveFieldContext sourceContext, out object? value)
    {
        value = null;
        try
        {
            var resolved = _resolver.ResolveAsync(sourceContext);
            if (!resolved.IsCompletedSuccessfully)
            {
                return false;
            }
            value = Scalar.Serialize(resolved.Result);
        }
#pragma warning disable CA1031 // any failure is handed to GraphQL.NET's own path, which turns it into a field error
        catch (Exception)
#pragma warning restore CA1031
        {
            return false;
        }
        return value is not null || !_nonNull;
    }

    private static PropertyRead? Create(FieldType field)
    {
        var (scalar, nonNull) = field.ResolvedType switch
        {
            NonNullGraphType { ResolvedType: ScalarGraphType s } => (s, true),
            ScalarGraphType s => (s, false),
            _ => (null, false),
        };
        if (scalar is null || field.Arguments?.Count > 0 || field.Resolver is not { } resolver || !(resolver is ISourceOnlyResolver || IsPropertyExpression(resolver)))
        {
            return null;
        }
        return new PropertyRead(resolver, scalar, nonNull);
    }

    // RequiresResolveFieldContextAccessor is false exactly when the expression's body is a member access.
    private static bool IsPropertyExpression(IFieldResolver resolver) =>
        resolver is IRequiresResolveFieldContextAccessor { RequiresResolveFieldContextAccessor: false }
        && resolver.GetType().IsGenericType && resolver.GetType().GetGenericTypeDefinition() == typeof(ExpressionFieldResolver<,>)
        && !IsPending(resolver.GetType().GetGenericArguments()[1]);

    private static bool IsPending(Type value) =>
        typeof(Task).IsAssignableFrom(value) || typeof(IDataLoaderResult).IsAssignableFrom(value)
        || (value.IsGenericType && value.GetGenericTypeDefinition() == typeof(ValueTask<>)) || value == typeof(ValueTask);
}
