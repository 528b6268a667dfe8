using System.Text.Json;
using GraphQL;
using GraphQLParser.AST;
using PetitionGraph.Api.Access;
using PetitionGraph.Api.GraphQL;
using PetitionGraph.Api.GraphQL.Errors;

namespace PetitionGraph.Api.Workbench;

/// <summary>
/// Runs a GraphQL query in the process as the HTTP request's caller — the home page's figures, each page of an export —
/// through the same executer as <c>/graphql</c>: the same scope, masking, role rules, depth and complexity limits, the
/// same time limit per execution, and the caller's unmasked reads audited before the result is handed out.
/// Each execution has its own service scope, so a long export holds one page at a time.
/// </summary>
public sealed class CallerQuery(IDocumentExecuter<PetitionSchema> executer, IGraphQLTextSerializer serializer, RequestLimits limits, AuditWriter audit,
    IServiceScopeFactory scopes)
{
    public async Task<CallerQueryResult> ExecuteAsync(
        HttpContext http, Caller caller, string query, GraphQLDocument? document, string? operationName, Inputs? variables, string auditLabel, CancellationToken ct)
    {
        await using var scope = ExecutingUser.CreateScope(scopes, http.User);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(limits.ExecutionSeconds));
        ExecutionResult result;
        try
        {
            result = await executer.ExecuteAsync(options =>
            {
                options.Query = query;
                options.Document = document;
                options.OperationName = operationName;
                options.Variables = variables;
                options.RequestServices = scope.ServiceProvider;
                options.User = http.User;
                options.CancellationToken = timeout.Token;
            });
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !ct.IsCancellationRequested)
        {
            result = new ExecutionResult { Executed = true };
        }
        ct.ThrowIfCancellationRequested();
        if (timeout.IsCancellationRequested)
        {
            result = new ExecutionResult
            {
                Executed = true,
                Errors = [new QueryError(ErrorCodes.Timeout, new Language.Msg($"一页查询运行超过 {limits.ExecutionSeconds} 秒，已中止；请少查一些。", $"A page ran longer than {limits.ExecutionSeconds} s and was stopped; ask for less."))],
            };
        }
        // Fail closed: what could not be audited is not handed out (the exception propagates).
        var reads = scope.ServiceProvider.GetRequiredService<PersonalDataReads>();
        await audit.WriteReadsAsync(caller, reads, auditLabel);
        using var buffer = new MemoryStream();
        await serializer.WriteAsync(buffer, result, ct);
        buffer.Position = 0;
        return new CallerQueryResult(JsonDocument.Parse(buffer), reads.Masked);
    }
}

/// <summary>The response as JSON (data, errors) and the personal-data fields that were masked for this caller.</summary>
public sealed record CallerQueryResult(JsonDocument Response, IReadOnlyList<string> Masked) : IDisposable
{
    public JsonElement Data => Response.RootElement.TryGetProperty("data", out var data) ? data : default;

    /// <summary>The first error's message, or null when there was none.</summary>
    public string? FirstError =>
        Response.RootElement.TryGetProperty("errors", out var errors) && errors.GetArrayLength() > 0
            ? errors[0].TryGetProperty("message", out var message) ? message.GetString() : "查询失败。The query failed."
            : null;

    public void Dispose() => Response.Dispose();
}
