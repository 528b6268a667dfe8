using System.Collections.Frozen;

namespace PetitionGraph.Api.GraphQL.Filtering;

/// <summary>Finds the shape declared for an entity type (each <c>XShape : QueryShape&lt;X&gt;</c> in this assembly).</summary>
public static class Shapes
{
    private static readonly Lazy<FrozenDictionary<Type, IQueryShape>> All = new(() =>
        typeof(Shapes).Assembly.GetTypes()
            .Where(t => t is { IsAbstract: false, IsClass: true } && typeof(IQueryShape).IsAssignableFrom(t))
            .Select(t => (IQueryShape)Activator.CreateInstance(t)!)
            .ToFrozenDictionary(s => s.EntityType));

    public static IQueryShape For(Type entityType) =>
        All.Value.TryGetValue(entityType, out var shape)
            ? shape
            : throw new InvalidOperationException($"No QueryShape is declared for {entityType.Name}.");

    public static IQueryShape For<T>() => For(typeof(T));
}
