using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using GraphQL.Validation;
using GraphQLParser.AST;

namespace PetitionGraph.Api.GraphQL.Http;

/// <summary>
/// GraphQL.NET's validator, with the argument values of a request that has no validation rules left to run and no
/// variables kept with its cached document. <see cref="DocumentCache"/> lets such a request skip every rule, but the
/// validator still walked the whole document to parse its literal arguments again (~4 % of the API's CPU on the
/// cases page). Without variables those values depend only on the document, and execution only reads them.
/// </summary>
public sealed class ArgumentValuesCache(IDocumentValidator inner) : IDocumentValidator
{
    private static readonly ConditionalWeakTable<GraphQLDocument, ConcurrentDictionary<GraphQLOperationDefinition, IValidationResult>> Results = new();

    public Task<IValidationResult> ValidateAsync(in ValidationOptions options)
    {
        if (options.Rules is not ICollection<IValidationRule> { Count: 0 } || options.Variables.Count > 0)
        {
            return inner.ValidateAsync(options);
        }
        var byOperation = Results.GetOrCreateValue(options.Document);
        return byOperation.TryGetValue(options.Operation, out var cached)
            ? Task.FromResult(cached)
            : ValidateAndKeepAsync(inner.ValidateAsync(options), byOperation, options.Operation);
    }

    private static async Task<IValidationResult> ValidateAndKeepAsync(
        Task<IValidationResult> validation, ConcurrentDictionary<GraphQLOperationDefinition, IValidationResult> byOperation, GraphQLOperationDefinition operation)
    {
        var result = await validation;
        if (result.IsValid)
        {
            byOperation.TryAdd(operation, result);
        }
        return result;
    }
}
