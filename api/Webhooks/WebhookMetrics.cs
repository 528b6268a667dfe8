using System.Diagnostics.Metrics;

namespace PetitionGraph.Api.Webhooks;

/// <summary>Webhook deliveries and failures, for the metrics endpoint (meter "PetitionGraph").</summary>
public static class WebhookMetrics
{
    private static readonly Counter<long> Deliveries = Hosting.Telemetry.Meter.CreateCounter<long>("petitiongraph.webhook.deliveries", description: "Webhook delivery attempts, by outcome.");

    public static void Delivered(bool succeeded) =>
        Deliveries.Add(1, new KeyValuePair<string, object?>("outcome", succeeded ? "delivered" : "failed"));
}
