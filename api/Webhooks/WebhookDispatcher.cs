using System.Diagnostics;
using System.Security.Claims;
using System.Text.Json;
using GraphQL;
using Microsoft.EntityFrameworkCore;
using PetitionGraph.Api.Access;
using PetitionGraph.Api.Changes;
using PetitionGraph.Api.Data;
using PetitionGraph.Api.GraphQL;

namespace PetitionGraph.Api.Webhooks;

/// <summary>
/// Delivers the change feed to webhook subscribers, on every instance: a subscription is claimed through the database
/// (a lease), so one instance at a time delivers it and each change goes out once — twice only if an instance dies
/// between a receiver's 2xx and recording it, which the receiver dedupes by webhook-id. Changes go out in sequence
/// order; a failure holds back the rest of that subscription and is retried with doubling waits. Leases and waits run
/// on the wall clock (the office clock of demo mode stands still).
/// </summary>
public sealed class WebhookDispatcher(
    IServiceProvider services, WebhookOptions options, IHttpClientFactory http, IGraphQLTextSerializer serializer, ILogger<WebhookDispatcher> logger)
    : BackgroundService
{
    public const string HttpClientName = "webhooks";

    /// <summary>This instance, as it signs its leases.</summary>
    public string Instance { get; } = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid():N}";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.DispatcherEnabled)
        {
            return;
        }
        await Task.Yield();
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                while (await TickAsync(stoppingToken) > 0)
                {
                    // Went through a subscription: look for the next at once.
                }
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                if (!DatabaseOutage.IsUnavailable(e))
                {
                    logger.LogError(e, "Webhook dispatch failed; trying again in {Seconds} s.", options.PollSeconds);
                }
            }
            try
            {
                await Task.Delay(TimeSpan.FromSeconds(options.PollSeconds), stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>A claim outlasts the longest attempt (the receiver's time-out) by the lease time.</summary>
    private DateTime LeaseEnd(DateTime now) => now.AddSeconds(options.LeaseSeconds + options.TimeoutSeconds);

    /// <summary>Claims one subscription with something to deliver and delivers what it can; returns how many it claimed.</summary>
    public async Task<int> TickAsync(CancellationToken ct)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IDbContextFactory<PetitionDbContext>>().CreateDbContext();
        await using (db)
        {
            var now = DateTime.UtcNow;
            var last = await db.Changes.MaxAsync(c => (long?)c.Sequence, ct) ?? 0;
            var candidates = await db.WebhookSubscriptions
                .Where(s => s.Active && s.PausedAt == null && s.Cursor < last && (s.NextAttemptAt == null || s.NextAttemptAt <= now)
                    && (s.LeaseUntil == null || s.LeaseUntil < now))
                .OrderBy(s => s.Id).Select(s => s.Id).Take(10).ToListAsync(ct);
            foreach (var id in candidates)
            {
                var until = LeaseEnd(now);
                var claimed = await db.WebhookSubscriptions.Where(s => s.Id == id && (s.LeaseUntil == null || s.LeaseUntil < now))
                    .ExecuteUpdateAsync(set => set.SetProperty(s => s.LeaseOwner, Instance).SetProperty(s => s.LeaseUntil, until), ct);
                if (claimed == 1)
                {
                    try
                    {
                        await DeliverAsync(scope.ServiceProvider, db, id, ct);
                    }
                    finally
                    {
                        await db.WebhookSubscriptions.Where(s => s.Id == id && s.LeaseOwner == Instance)
                            .ExecuteUpdateAsync(set => set.SetProperty(s => s.LeaseOwner, (string?)null).SetProperty(s => s.LeaseUntil, (DateTime?)null), CancellationToken.None);
                    }
                    return 1;
                }
            }
            return 0;
        }
    }

    private async Task DeliverAsync(IServiceProvider requestServices, PetitionDbContext db, int id, CancellationToken ct)
    {
        var subscription = await db.WebhookSubscriptions.AsTracking().Include(s => s.ApiClient).FirstAsync(s => s.Id == id, ct);
        if (subscription.ApiClient is not { Active: true } client)
        {
            Pause(subscription, "the API client was deactivated");
            await db.SaveChangesAsync(ct);
            return;
        }
        // Everything up to here is committed (sequences are handed out in commit order): what the page below does not
        // return up to it is not this subscriber's, and is passed over.
        var committed = await db.Changes.MaxAsync(c => (long?)c.Sequence, ct) ?? 0;
        var page = await ReadFeedAsync(requestServices, subscription, client, ct);
        foreach (var item in page.Items)
        {
            // A lease covers one delivery at a time: renewed before each, so a slow receiver never lets a second instance in.
            var renewed = await db.WebhookSubscriptions.Where(s => s.Id == subscription.Id && s.LeaseOwner == Instance)
                .ExecuteUpdateAsync(set => set.SetProperty(s => s.LeaseUntil, LeaseEnd(DateTime.UtcNow)), ct);
            if (renewed == 0 || !await SendAsync(db, subscription, item, ct))
            {
                return;
            }
            subscription.Cursor = item.Sequence;
            await db.SaveChangesAsync(ct); // recorded at once: a crash now re-sends at most this one
        }
        if (!page.More && committed > subscription.Cursor)
        {
            subscription.Cursor = committed;
            await db.SaveChangesAsync(ct);
        }
    }

    /// <summary>
    /// The subscriber's next changes, read as its API client through the change feed itself — so a webhook carries exactly
    /// what the client would read from <c>changes</c>: its scope, the confidentiality of accusations, its filter.
    /// </summary>
    private async Task<FeedPage> ReadFeedAsync(IServiceProvider requestServices, WebhookSubscription subscription, ApiClient client, CancellationToken ct)
    {
        var executer = requestServices.GetRequiredService<IDocumentExecuter<PetitionSchema>>();
        var variables = serializer.Deserialize<Inputs>(JsonSerializer.Serialize(new Dictionary<string, object?>
        {
            ["after"] = subscription.Cursor > 0 ? ChangeQueries.Encode(subscription.Cursor) : null,
            ["first"] = options.Batch,
            ["where"] = FeedFilter(subscription),
        }));
        var user = Principal(client);
        await using var scope = ExecutingUser.CreateScope(requestServices, user);
        var result = await executer.ExecuteAsync(o =>
        {
            o.Query = FeedQuery;
            o.Variables = variables;
            o.User = user;
            o.RequestServices = scope.ServiceProvider;
            o.CancellationToken = ct;
        });
        if (result.Errors is { Count: > 0 } errors)
        {
            throw new InvalidOperationException($"Webhook subscription {subscription.Id} could not read the change feed: {errors[0].Message}");
        }
        var changes = JsonDocument.Parse(serializer.Serialize(result)).RootElement.GetProperty("data").GetProperty("changes");
        var items = changes.GetProperty("nodes").EnumerateArray().Select(n => new FeedItem(
            n.GetProperty("sequence").GetInt64(),
            n.GetProperty("kind").GetString()!,
            n.GetProperty("at").GetString()!,
            n.GetProperty("entityType").GetString()!,
            n.GetProperty("entityId").GetString()!,
            n.GetProperty("case") is { ValueKind: JsonValueKind.Object } c ? c.GetProperty("id").GetString() : null,
            n.GetProperty("case") is { ValueKind: JsonValueKind.Object } d ? d.GetProperty("number").GetString() : null)).ToList();
        return new FeedPage(items, changes.GetProperty("pageInfo").GetProperty("hasNextPage").GetBoolean());
    }

    private const string FeedQuery = """
        query WebhookFeed($after: String, $first: Int!, $where: ChangeFilterInput) {
          changes(after: $after, first: $first, where: $where) {
            nodes { sequence kind at entityType entityId case { id number } }
            pageInfo { hasNextPage }
          }
        }
        """;

    /// <summary>The subscription's kinds and case filter as the feed's filter (a case filter leaves out reference data).</summary>
    private static Dictionary<string, object?>? FeedFilter(WebhookSubscription subscription)
    {
        var parts = new List<object?>();
        if (subscription.Kinds.Split(' ', StringSplitOptions.RemoveEmptyEntries) is { Length: > 0 } kinds)
        {
            parts.Add(new Dictionary<string, object?> { ["kind"] = new Dictionary<string, object?> { ["in"] = kinds.Select(k => EnumNames.Name(Enum.Parse<ChangeKind>(k))).ToList() } });
        }
        if (subscription.CaseFilter is { } filter)
        {
            parts.Add(new Dictionary<string, object?> { ["case"] = JsonSerializer.Deserialize<JsonElement>(filter) });
        }
        return parts.Count == 0 ? null : new Dictionary<string, object?> { ["and"] = parts };
    }

    private sealed record FeedItem(long Sequence, string Kind, string At, string EntityType, string EntityId, string? CaseId, string? CaseNumber);

    private sealed record FeedPage(IReadOnlyList<FeedItem> Items, bool More);

    private async Task<bool> SendAsync(PetitionDbContext db, WebhookSubscription subscription, FeedItem change, CancellationToken ct)
    {
        var messageId = $"msg_{subscription.Id}_{change.Sequence}";
        var timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var body = Payload(change);
        using var request = new HttpRequestMessage(HttpMethod.Post, subscription.Url) { Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json") };
        request.Headers.Add("webhook-id", messageId);
        request.Headers.Add("webhook-timestamp", timestamp.ToString(System.Globalization.CultureInfo.InvariantCulture));
        request.Headers.Add("webhook-signature", WebhookSignature.Sign(subscription.Secret, messageId, timestamp, body));
        var attempt = subscription.Attempts + 1;
        var watch = Stopwatch.StartNew();
        int? status = null;
        string? error = null;
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            timeout.CancelAfter(TimeSpan.FromSeconds(options.TimeoutSeconds));
            using var response = await http.CreateClient(HttpClientName).SendAsync(request, timeout.Token);
            status = (int)response.StatusCode;
            error = response.IsSuccessStatusCode ? null : $"HTTP {status}";
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            error = $"no answer within {options.TimeoutSeconds} s";
        }
        catch (HttpRequestException e)
        {
            error = e.HttpRequestError == HttpRequestError.Unknown ? e.Message : $"{e.HttpRequestError}: {e.Message}";
        }
        var now = DateTime.UtcNow;
        db.WebhookDeliveries.Add(new WebhookDelivery
        {
            SubscriptionId = subscription.Id,
            Sequence = change.Sequence,
            MessageId = messageId,
            Attempt = attempt,
            At = now,
            StatusCode = status,
            Succeeded = error is null,
            Error = error?[..Math.Min(error.Length, 1000)],
            DurationMs = (int)watch.ElapsedMilliseconds,
        });
        Hosting.Telemetry.WebhookDelivered(error is null);
        if (error is null)
        {
            (subscription.Attempts, subscription.FailingSince, subscription.NextAttemptAt, subscription.LastError) = (0, null, null, null);
            return true;
        }
        subscription.Attempts = attempt;
        subscription.FailingSince ??= now;
        subscription.LastError = error[..Math.Min(error.Length, 1000)];
        subscription.NextAttemptAt = now.AddSeconds(Math.Min(options.MaxRetrySeconds, options.RetrySeconds * Math.Pow(2, attempt - 1)));
        if (now - subscription.FailingSince.Value > TimeSpan.FromHours(options.PauseAfterHours))
        {
            Pause(subscription, $"deliveries have failed since {subscription.FailingSince:yyyy-MM-dd HH:mm} UTC ({attempt} attempts; last: {error})");
        }
        await db.SaveChangesAsync(ct);
        logger.LogWarning("Webhook {Subscription}: delivering change {Sequence} failed ({Error}); attempt {Attempt}, next at {Next:O}.",
            subscription.Id, change.Sequence, error, attempt, subscription.NextAttemptAt);
        return false;
    }

    private void Pause(WebhookSubscription subscription, string reason)
    {
        subscription.PausedAt = DateTime.UtcNow;
        subscription.PausedReason = reason[..Math.Min(reason.Length, 1000)];
        logger.LogWarning("Webhook subscription {Subscription} paused: {Reason}.", subscription.Id, reason);
    }

    /// <summary>Ids and kinds only — never personal data: the receiver reads what it needs through the API, under its own scope.</summary>
    private static string Payload(FeedItem change) => JsonSerializer.Serialize(new
    {
        type = Type(change.Kind, change.CaseId is not null),
        timestamp = change.At,
        data = new
        {
            sequence = change.Sequence,
            kind = change.Kind,
            entityType = change.EntityType,
            entityId = change.EntityId,
            caseId = change.CaseId,
            caseNumber = change.CaseNumber,
        },
    });

    /// <summary>case.accepted, case.petition_received, village.changed, …</summary>
    public static string Type(string kind, bool aboutCase)
    {
        var name = kind.ToLowerInvariant();
        return aboutCase ? "case." + name : name.Replace("_changed", ".changed", StringComparison.Ordinal);
    }

    private static ClaimsPrincipal Principal(ApiClient client) => ApiClient.Principal(client.Name, client.Scopes, "webhook");
}
