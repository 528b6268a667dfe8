using System.Collections;
using System.Globalization;
using System.Text.Json;
using GraphQL;
using GraphQL.Resolvers;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using PetitionGraph.Api.Access;
using PetitionGraph.Api.Cases;
using PetitionGraph.Api.Changes;
using PetitionGraph.Api.Data;
using PetitionGraph.Api.GraphQL;
using PetitionGraph.Api.GraphQL.Filtering;
using PetitionGraph.Api.GraphQL.Mutations;
using PetitionGraph.Api.GraphQL.Relay;
using PetitionGraph.Api.GraphQL.Scalars;
using PetitionGraph.Api.Language;

namespace PetitionGraph.Api.Webhooks;

public sealed record CreateWebhookInput(string ClientId, string Url, IReadOnlyList<ChangeKind>? Kinds, IDictionary<string, object?>? Where, long? FromSequence)
    : IMutationInput<CreateWebhookInput>
{
    public static void Declare(InputObjectGraphType<CreateWebhookInput> type)
    {
        type.Field(x => x.ClientId, type: typeof(NonNullGraphType<IdGraphType>)).Description("The API client (global id) the deliveries are for; it needs cases:read.");
        type.Field(x => x.Url, type: typeof(NonNullGraphType<StringGraphType>)).Description("http(s) URL deliveries are POSTed to.");
        type.Field(x => x.Kinds, type: typeof(ListGraphType<NonNullGraphType<EnumType<ChangeKind>>>)).Description("Only these kinds; every kind when omitted.");
        type.Field(x => x.Where, type: typeof(FilterInputType<Case>)).Description("Only changes about cases this filter selects (the cases query's filter).");
        type.Field(x => x.FromSequence, type: typeof(LongScalar)).Description("Deliver from this change-feed sequence on; from the next change when omitted.");
    }
}

public sealed record WebhookIdInput(string SubscriptionId) : IMutationInput<WebhookIdInput>
{
    public static void Declare(InputObjectGraphType<WebhookIdInput> type) =>
        type.Field(x => x.SubscriptionId, type: typeof(NonNullGraphType<IdGraphType>)).Description("The subscription (global id).");
}

public sealed record ReplayWebhookInput(string SubscriptionId, long FromSequence) : IMutationInput<ReplayWebhookInput>
{
    public static void Declare(InputObjectGraphType<ReplayWebhookInput> type)
    {
        type.Field(x => x.SubscriptionId, type: typeof(NonNullGraphType<IdGraphType>)).Description("The subscription (global id).");
        type.Field(x => x.FromSequence, type: typeof(NonNullGraphType<LongScalar>)).Description("Deliver again from this change-feed sequence on.");
    }
}

/// <summary>The subscription as changed, its secret (shown once, on creation), or why nothing changed.</summary>
public sealed record WebhookPayload(WebhookSubscription? Subscription, string? Secret, IReadOnlyList<UserError> UserErrors);

public sealed class WebhookPayloadType : ObjectGraphType<WebhookPayload>
{
    public WebhookPayloadType(string name)
    {
        Name = name;
        Description = "The subscription after the change, or why nothing changed.";
        Field<WebhookSubscriptionType>("subscription").Description("Null when refused.").Resolve(c => c.Source.Subscription);
        Field<StringGraphType>("secret").Description("whsec_…: verify each delivery's webhook-signature with it. Shown once, when created.").Resolve(c => c.Source.Secret);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<UserErrorType>>>>("userErrors").Description("Empty on success.").Resolve(c => c.Source.UserErrors);
    }
}

public static class WebhookMutations
{
    public static void AddWebhookMutations(this ObjectGraphType mutation)
    {
        Add<CreateWebhookInput>(mutation, "createWebhookSubscription", "Deliver the change feed to a district system's URL, signed with a new secret.", CreateAsync);
        Add<WebhookIdInput>(mutation, "pauseWebhookSubscription", "Stop deliveries until resumed; nothing is lost, the cursor stays.", (i, db) => ChangeAsync(db, i.SubscriptionId, s =>
        {
            s.PausedAt = DateTime.UtcNow;
            s.PausedReason = "paused by an administrator";
        }));
        Add<WebhookIdInput>(mutation, "resumeWebhookSubscription", "Resume deliveries at once, from where they stopped.", (i, db) => ChangeAsync(db, i.SubscriptionId, s =>
            (s.PausedAt, s.PausedReason, s.FailingSince, s.Attempts, s.NextAttemptAt) = (null, null, null, 0, null)));
        Add<ReplayWebhookInput>(mutation, "replayWebhookSubscription", "Deliver again from a change-feed sequence on (receivers dedupe by webhook-id).",
            (i, db) => i.FromSequence < 1
                ? Task.FromResult(Refused(UserError.Validation("fromSequence", new Msg("fromSequence 不能小于 1。", "fromSequence is 1 or more."))))
                : ChangeAsync(db, i.SubscriptionId, s => (s.Cursor, s.FailingSince, s.Attempts, s.NextAttemptAt) = (i.FromSequence - 1, null, 0, null)));
        Add<WebhookIdInput>(mutation, "deactivateWebhookSubscription", "Stop this subscription for good (its delivery log is kept).",
            (i, db) => ChangeAsync(db, i.SubscriptionId, s => s.Active = false));
    }

    private static void Add<TInput>(ObjectGraphType mutation, string name, string description, Func<TInput, PetitionDbContext, Task<WebhookPayload>> run)
        where TInput : IMutationInput<TInput>
    {
        var typeName = char.ToUpperInvariant(name[0]) + name[1..];
        mutation.AddField(new FieldType
        {
            Name = name,
            Description = description,
            ResolvedType = new NonNullGraphType(new WebhookPayloadType(typeName + "Payload")),
            Arguments = new QueryArguments(new QueryArgument(new NonNullGraphType(new MutationInputType<TInput>(typeName + "Input"))) { Name = "input", Description = "What to change." }),
            Resolver = new FuncFieldResolver<WebhookPayload>(async c =>
            {
                var db = c.Db();
                await using var transaction = await db.Database.BeginTransactionAsync(c.CancellationToken);
                var payload = await run(c.GetArgument<TInput>("input"), db);
                if (payload.UserErrors.Count == 0)
                {
                    await db.SaveChangesAsync(c.CancellationToken);
                    await transaction.CommitAsync(c.CancellationToken);
                }
                return payload;
            }),
        });
    }

    private static async Task<WebhookPayload> CreateAsync(CreateWebhookInput i, PetitionDbContext db)
    {
        var client = GlobalId.TryDecode(i.ClientId, out var type, out var clientId) && type == "ApiClient"
            ? await db.ApiClients.FirstOrDefaultAsync(c => c.Id == clientId && c.Active)
            : null;
        if (client is null)
        {
            return Refused(UserError.NotFound("clientId", new Msg($"没有编号为 {i.ClientId} 的在用接口客户端。", $"There is no active API client {i.ClientId}.")));
        }
        if (!client.Scopes.Split(' ').Contains("cases:read"))
        {
            return Refused(UserError.Validation("clientId", new Msg($"接口客户端 {client.Name} 没有 cases:read 权限范围；推送告知的是信访事项的变更。",
                $"{client.Name} has no cases:read scope; a webhook tells it what changed on cases.")));
        }
        if (!Uri.TryCreate(i.Url, UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https") || i.Url.Length > 2000)
        {
            return Refused(UserError.Validation("url", new Msg($"“{i.Url}”不是 http(s) 网址。", $"'{i.Url}' is not an http(s) URL.")));
        }
        db.ApiClients.Attach(client); // read without tracking: attached as it is, so saving the subscription leaves it unchanged
        var last = await db.Changes.MaxAsync(c => (long?)c.Sequence) ?? 0;
        var secret = WebhookSignature.NewSecret();
        var subscription = new WebhookSubscription
        {
            ApiClientId = client.Id,
            ApiClient = client,
            Url = url.ToString(),
            Kinds = string.Join(' ', (i.Kinds ?? []).Distinct()),
            CaseFilter = i.Where is { Count: > 0 } where ? JsonSerializer.Serialize(Json(where)) : null,
            Secret = secret,
            CreatedAt = DateTime.UtcNow,
            Cursor = i.FromSequence is { } from ? Math.Max(0, from - 1) : last,
        };
        db.WebhookSubscriptions.Add(subscription);
        return new WebhookPayload(subscription, secret, []);
    }

    private static async Task<WebhookPayload> ChangeAsync(PetitionDbContext db, string id, Action<WebhookSubscription> change)
    {
        var subscription = GlobalId.TryDecode(id, out var type, out var key) && type == "WebhookSubscription"
            ? await db.WebhookSubscriptions.AsTracking().Include(s => s.ApiClient).FirstOrDefaultAsync(s => s.Id == key)
            : null;
        if (subscription is null)
        {
            return Refused(UserError.NotFound("subscriptionId", new Msg($"没有编号为 {id} 的推送订阅。", $"There is no webhook subscription {id}.")));
        }
        change(subscription);
        return new WebhookPayload(subscription, null, []);
    }

    private static WebhookPayload Refused(UserError error) => new(null, null, [error]);

    /// <summary>A parsed filter back as the JSON a request would send (enums by name, instants ISO-8601).</summary>
    private static object? Json(object? value) => value switch
    {
        IDictionary<string, object?> map => map.ToDictionary(e => e.Key, e => Json(e.Value)),
        string or bool or int or long or double or decimal or null => value,
        DateTime instant => instant.ToString("O", CultureInfo.InvariantCulture),
        ChangeKind kind => EnumNames.Name(kind),
        Enum e => e.ToString(),
        IEnumerable items => items.Cast<object?>().Select(Json).ToList(),
        _ => value.ToString(),
    };
}

public static class WebhookQueries
{
    public static void AddWebhookQueries(this ObjectGraphType query)
    {
        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<WebhookSubscriptionType>>>>("webhookSubscriptions")
            .Description("Every webhook subscription, with where its deliveries stand.")
            .RequireRoles(Role.Admin)
            .ResolveAsync(async c => await c.Db().WebhookSubscriptions.Include(s => s.ApiClient).OrderBy(s => s.Id).ToListAsync(c.CancellationToken));
        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<WebhookDeliveryType>>>>("webhookDeliveries")
            .Description("A subscription's delivery log, newest first.")
            .RequireRoles(Role.Admin)
            .Argument<NonNullGraphType<IdGraphType>>("subscriptionId", "The subscription (global id).")
            .Argument<IntGraphType>("first", "How many, newest first: 50 when omitted, at most 500.")
            .ResolveAsync(async c =>
            {
                var first = Math.Clamp(c.GetArgument("first", 50), 0, 500);
                var id = GlobalId.TryDecode(c.GetArgument<string>("subscriptionId"), out var type, out var key) && type == "WebhookSubscription" ? key : -1;
                return await c.Db().WebhookDeliveries.Where(d => d.SubscriptionId == id).OrderByDescending(d => d.Id).Take(first).ToListAsync(c.CancellationToken);
            });
    }
}
