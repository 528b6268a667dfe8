using GraphQL.Types;
using PetitionGraph.Api.Cases;
using PetitionGraph.Api.GraphQL;
using PetitionGraph.Api.GraphQL.Filtering;

namespace PetitionGraph.Api.Changes.Live;

/// <summary>Live changes over WebSocket (graphql-transport-ws on /graphql).</summary>
public sealed class SubscriptionType : ObjectGraphType
{
    public SubscriptionType()
    {
        Name = "Subscription";
        Description = "实时推送: live changes over WebSocket (protocol graphql-transport-ws, on the GraphQL URL); the same token goes in connection_init.";
        Field<NonNullGraphType<ChangeType>>("caseChanged")
            .Description("Each change to a case you may see, as it commits, from the moment you subscribe (for what happened before, read changes). " +
                "Entries are those of the change feed, in its order; personal data is masked and audited as in queries.")
            .Argument<FilterInputType<Case>>("where", "Only changes to cases this filter selects (the cases query's filter), judged when the change is read.")
            .ResolveStreamAsync(async c =>
            {
                var where = c.Arguments is { } args && args.TryGetValue("where", out var w) ? w.Value as IDictionary<string, object?> : null;
                var feedWhere = where is null ? null : new Dictionary<string, object?> { ["case"] = where };
                // Built once here so that a filter the caller may not use is refused when subscribing, not later.
                FilterBuilder.Build<Change>(feedWhere, c.QueryContext());
                var services = c.RequestServices!;
                var notifier = services.GetRequiredService<ChangeNotifier>();
                var start = await notifier.CurrentAsync(c.CancellationToken);
                return new CaseChangedStream(services.GetRequiredService<IServiceScopeFactory>(), notifier, c.User!, feedWhere, start,
                    services.GetRequiredService<ILoggerFactory>().CreateLogger<CaseChangedStream>());
            });
    }
}
