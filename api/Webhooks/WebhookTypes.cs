using GraphQL.Types;
using PetitionGraph.Api.GraphQL.Projection;
using PetitionGraph.Api.GraphQL.Relay;
using PetitionGraph.Api.GraphQL.Scalars;

namespace PetitionGraph.Api.Webhooks;

public sealed class WebhookSubscriptionType : ObjectGraphType<WebhookSubscription>
{
    public WebhookSubscriptionType()
    {
        Name = "WebhookSubscription";
        Description = "A district system's webhook: change-feed entries POSTed to its URL in order, signed (Standard Webhooks).";
        Field<NonNullGraphType<IdGraphType>>("id").Description("Global id.").Resolve(c => GlobalId.Encode("WebhookSubscription", c.Source.Id));
        Field<NonNullGraphType<StringGraphType>>("client").Reads(nameof(WebhookSubscription.ApiClientId)).Description("The API client it delivers to.").Resolve(c => c.Source.ApiClient!.Name);
        Field(s => s.Url).Description("Where deliveries are POSTed.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<EnumType<Changes.ChangeKind>>>>>("kinds")
            .Description("The change kinds delivered; empty for every kind.")
            .Resolve(c => c.Source.Kinds.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(Enum.Parse<Changes.ChangeKind>).ToList());
        Field(s => s.CaseFilter, nullable: true).Description("The cases filter (a CaseFilterInput, as JSON) deliveries are limited to.");
        Field(s => s.Active).Description("False once deactivated.");
        Field<NonNullGraphType<LongScalar>>("cursor").Description("The last change-feed sequence delivered or passed over.").Resolve(c => c.Source.Cursor);
        Field(s => s.PausedAt, nullable: true).Description("When deliveries were paused (failing too long, or by an ADMIN); resume with resumeWebhookSubscription.");
        Field(s => s.PausedReason, nullable: true).Description("Why deliveries are paused.");
        Field(s => s.FailingSince, nullable: true).Description("Since when the delivery at the head has been failing.");
        Field(s => s.Attempts).Description("Failed attempts at the delivery at the head.");
        Field(s => s.NextAttemptAt, nullable: true).Description("When the failing delivery is tried again.");
        Field(s => s.LastError, nullable: true).Description("What the last failed attempt got (HTTP status, timeout, connection error).");
    }
}

public sealed class WebhookDeliveryType : ObjectGraphType<WebhookDelivery>
{
    public WebhookDeliveryType()
    {
        Name = "WebhookDelivery";
        Description = "One attempt to deliver one change.";
        Field<NonNullGraphType<LongScalar>>("sequence").Description("The change-feed entry delivered.").Resolve(c => c.Source.Sequence);
        Field(d => d.MessageId).Description("The webhook-id header: the same for every attempt at one change, so the receiver can dedupe.");
        Field(d => d.Attempt).Description("1 for the first attempt.");
        Field(d => d.At).Description("When it was sent.");
        Field(d => d.StatusCode, nullable: true).Description("The receiver's HTTP status; null when none came.");
        Field(d => d.Succeeded).Description("A 2xx answer came in time.");
        Field(d => d.Error, nullable: true).Description("Why it failed.");
        Field(d => d.DurationMs).Description("Milliseconds until the answer (or the failure).");
    }
}
