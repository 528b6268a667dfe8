using System.Text.RegularExpressions;
using GraphQL;
using GraphQL.Resolvers;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using PetitionGraph.Api.Data;
using PetitionGraph.Api.GraphQL.Mutations;
using PetitionGraph.Api.GraphQL.Relay;

namespace PetitionGraph.Api.GraphQL;

/// <summary>The changed row, or why nothing changed.</summary>
public sealed record ItemPayload(object? Item, IReadOnlyList<UserError> UserErrors);

/// <summary>
/// Create, rename and deactivate reference data (villages, leaders, categories) — never delete: cases point to it.
/// Each mutation: one transaction, payload with the item and userErrors.
/// </summary>
public static partial class ReferenceMutations
{
    public static void AddReferenceMutation<TGraph, TInput>(
        this ObjectGraphType mutation, string name, string description, string itemField,
        Func<TInput, PetitionDbContext, Task<(object? Item, UserError? Error)>> run)
        where TGraph : IGraphType
        where TInput : IMutationInput<TInput> =>
        mutation.AddReferenceMutation<TGraph, TInput>(name, description, itemField, (i, db, _) => run(i, db));

    /// <summary>As above, for a change that needs the request: who makes it (a history keeps their name), the clock.</summary>
    public static void AddReferenceMutation<TGraph, TInput>(
        this ObjectGraphType mutation, string name, string description, string itemField,
        Func<TInput, PetitionDbContext, IResolveFieldContext, Task<(object? Item, UserError? Error)>> run)
        where TGraph : IGraphType
        where TInput : IMutationInput<TInput>
    {
        var typeName = char.ToUpperInvariant(name[0]) + name[1..];
        var input = new MutationInputType<TInput>(typeName + "Input");
        var payload = new ObjectGraphType<ItemPayload> { Name = typeName + "Payload" };
        payload.Field<TGraph>(itemField).Resolve(c => c.Source.Item);
        payload.Field<NonNullGraphType<ListGraphType<NonNullGraphType<UserErrorType>>>>("userErrors").Resolve(c => c.Source.UserErrors);
        mutation.AddField(new FieldType
        {
            Name = name,
            Description = description,
            ResolvedType = new NonNullGraphType(payload),
            Arguments = new QueryArguments(new QueryArgument(new NonNullGraphType(input)) { Name = "input" }),
            Resolver = new FuncFieldResolver<ItemPayload>(context => RunAsync(context, run)),
        });
    }

    /// <summary>Applies a change to a loaded row and returns it (for one-expression mutations).</summary>
    public static T Change<T>(T item, Action<T> change)
    {
        change(item);
        return item;
    }

    /// <summary>Codes of reference data: 1–32 letters, digits, '-' or '_'.</summary>
    public static bool IsCode(string code) => CodePattern().IsMatch(code);

    [GeneratedRegex("^[A-Za-z0-9_-]{1,32}$")]
    private static partial Regex CodePattern();

    /// <summary>Loads a row by its global id for a change; null if the id is not one of <typeparamref name="T"/>.</summary>
    public static async Task<T?> FindAsync<T>(PetitionDbContext db, string? globalId, string typeName) where T : class, IEntity =>
        globalId is not null && GlobalId.TryDecode(globalId, out var type, out var id) && type == typeName
            ? await db.Set<T>().AsTracking().FirstOrDefaultAsync(e => e.Id == id)
            : null;

    private static async ValueTask<ItemPayload?> RunAsync<TInput>(IResolveFieldContext context, Func<TInput, PetitionDbContext, IResolveFieldContext, Task<(object?, UserError?)>> run)
    {
        var input = context.GetArgument<TInput>("input");
        var db = context.Db();
        await using var transaction = await db.Database.BeginTransactionAsync(context.CancellationToken);
        var (item, error) = await run(input, db, context);
        if (error is not null)
        {
            return new ItemPayload(null, [error]);
        }
        await db.SaveChangesAsync(context.CancellationToken);
        await transaction.CommitAsync(context.CancellationToken);
        return new ItemPayload(item, []);
    }
}
