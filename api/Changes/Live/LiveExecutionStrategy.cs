using GraphQL;
using GraphQL.Execution;
using PetitionGraph.Api.Access;
using ExecutionContext = GraphQL.Execution.ExecutionContext;

namespace PetitionGraph.Api.Changes.Live;

/// <summary>
/// Runs each event of a subscription as a request of its own: a new scope for the subscriber (its DbContext, loaders and
/// scope), and afterwards the personal data it read is audited — or, when the audit cannot be written, the event's data is
/// withheld (fail closed, as for queries) — and what was masked is explained in extensions.
/// </summary>
public sealed class LiveExecutionStrategy(IServiceScopeFactory scopes, AuditWriter audit) : SubscriptionExecutionStrategy(new SerialExecutionStrategy())
{
    protected override ExecutionContext CloneExecutionContext(ExecutionContext context, CancellationToken token)
    {
        var clone = base.CloneExecutionContext(context, token);
        clone.RequestServices = null; // the subscribing request's scope ends with it
        return clone;
    }

    protected override async ValueTask<ExecutionResult> ProcessDataAsync(ExecutionContext context, ExecutionNode node, object? value)
    {
        var caller = Caller.From(context.User) ?? throw new InvalidOperationException("A subscription event without a subscriber.");
        await using var scope = ExecutingUser.CreateScope(scopes, context.User!);
        context.RequestServices = new PetitionGraph.Api.GraphQL.Execution.RequestServices(scope.ServiceProvider);
        var result = await base.ProcessDataAsync(context, node, value);
        var reads = scope.ServiceProvider.GetRequiredService<PersonalDataReads>();
        try
        {
            await audit.WriteReadsAsync(caller, reads, "subscription " + (context.Operation.Name?.StringValue ?? node.Name));
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return new ExecutionResult
            {
                Executed = true,
                Errors = [new PetitionGraph.Api.GraphQL.Errors.QueryError(PetitionGraph.Api.GraphQL.Errors.ErrorCodes.InternalError, new Language.Msg("本次读取无法写入审计记录，因此未发送任何数据。", "The read could not be audited, so nothing was sent."))],
            };
        }
        if (reads.Masked.Count > 0)
        {
            result.Extensions ??= [];
            result.Extensions["personalData"] = PersonalDataNotice.Masked(caller, reads);
        }
        return result;
    }

    protected override async Task<ExecutionError> ProcessErrorAsync(ExecutionContext context, ExecutionNode node, Exception exception)
    {
        await using var scope = scopes.CreateAsyncScope();
        context.RequestServices = scope.ServiceProvider;
        return await base.ProcessErrorAsync(context, node, exception);
    }
}
