using System.Diagnostics;
using GraphQL;
using GraphQL.DI;
using GraphQLParser.AST;
using PetitionGraph.Api.GraphQL.Http;

namespace PetitionGraph.Api.Hosting;

/// <summary>
/// Every GraphQL execution — over HTTP, WebSocket, or a webhook reading the feed — as a span named after the operation
/// (OpenTelemetry's GraphQL conventions: "query CasesOfVillage", with graphql.operation.type/name and the document
/// without its literal values) and as metrics by operation and error code. No listener, no span: tracing off costs an
/// ActivitySource check.
/// </summary>
public sealed class OperationTelemetry : IConfigureExecution
{
    /// <summary>Operation names become metric labels: distinct names are capped so a client cannot grow them without end.</summary>
    private const int MaxNames = 500;

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, bool> Names = new(StringComparer.Ordinal);

    /// <summary>Outside everything else: the span covers the cache, the guard, validation and execution.</summary>
    public float SortOrder => 100;

    public async Task<ExecutionResult> ExecuteAsync(ExecutionOptions options, ExecutionDelegate next)
    {
        using var span = Telemetry.Source.StartActivity("GraphQL Operation", ActivityKind.Internal);
        var started = Stopwatch.GetTimestamp();
        var result = await next(options);
        var operation = result.Operation;
        var type = operation?.Operation switch
        {
            OperationType.Query => "query",
            OperationType.Mutation => "mutation",
            OperationType.Subscription => "subscription",
            _ => "unknown",
        };
        var name = operation?.Name?.StringValue ?? options.OperationName;
        var code = result.Errors is { Count: > 0 } errors ? errors[0].Code ?? "ERROR" : "none";
        if (span is not null)
        {
            span.DisplayName = name is null ? type : $"{type} {name}";
            span.SetTag("graphql.operation.type", type);
            span.SetTag("graphql.operation.name", name);
            if (options.Query is { Length: > 0 } query)
            {
                span.SetTag("graphql.document", OperationText.WithoutValues(query));
            }
            if (code != "none")
            {
                span.SetStatus(ActivityStatusCode.Error, code);
                span.SetTag("error.type", code);
            }
        }
        Telemetry.Operation(type, Label(name), code, Stopwatch.GetElapsedTime(started).TotalSeconds);
        return result;
    }

    private static string Label(string? name)
    {
        if (name is null)
        {
            return "";
        }
        if (Names.ContainsKey(name))
        {
            return name;
        }
        return Names.Count < MaxNames && name.Length <= 100 && Names.TryAdd(name, true) ? name : "other";
    }
}
