using PetitionGraph.Api.Access;
using PetitionGraph.Api.Data;

namespace PetitionGraph.Api.Webhooks;

/// <summary>
/// A district system's webhook: the change feed's entries of the kinds it asked for, about the cases its filter selects,
/// POSTed to its URL in sequence order and signed with its secret (Standard Webhooks). The cursor is the last sequence
/// delivered; a failing delivery is retried with growing back-off and holds back the ones after it (so a case's changes
/// arrive in order); a subscription failing longer than the configured time is paused with the reason.
/// </summary>
public sealed class WebhookSubscription : IEntity
{
    public int Id { get; set; }
    public int ApiClientId { get; set; }
    public ApiClient? ApiClient { get; set; }
    public required string Url { get; set; }
    /// <summary>Change kinds (space-separated names); empty for every kind.</summary>
    public string Kinds { get; set; } = "";
    /// <summary>The cases query's filter as JSON (a CaseFilterInput), or null for every case.</summary>
    public string? CaseFilter { get; set; }
    /// <summary>whsec_ and the base64 key: HMAC-SHA256 signs every delivery.</summary>
    public required string Secret { get; set; }
    public bool Active { get; set; } = true;
    public DateTime CreatedAt { get; set; }
    /// <summary>The last sequence delivered (or skipped as not matching).</summary>
    public long Cursor { get; set; }
    public DateTime? PausedAt { get; set; }
    public string? PausedReason { get; set; }
    /// <summary>Since when the delivery at the head has been failing.</summary>
    public DateTime? FailingSince { get; set; }
    public int Attempts { get; set; }
    public DateTime? NextAttemptAt { get; set; }
    public string? LastError { get; set; }
    /// <summary>The instance delivering now, until when (claimed through the database, so each change goes out once).</summary>
    public string? LeaseOwner { get; set; }
    public DateTime? LeaseUntil { get; set; }
}

/// <summary>One attempt to deliver one change: kept so an ADMIN can see what was sent, when, and what came back.</summary>
public sealed class WebhookDelivery : IEntity
{
    public int Id { get; set; }
    public int SubscriptionId { get; set; }
    public long Sequence { get; set; }
    public required string MessageId { get; set; }
    public int Attempt { get; set; }
    public DateTime At { get; set; }
    public int? StatusCode { get; set; }
    public bool Succeeded { get; set; }
    public string? Error { get; set; }
    public int DurationMs { get; set; }
}
