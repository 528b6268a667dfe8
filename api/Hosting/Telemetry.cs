using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace PetitionGraph.Api.Hosting;

/// <summary>The service's own traces and metrics: one ActivitySource and one Meter, both named "PetitionGraph".</summary>
public static class Telemetry
{
    public const string Name = "PetitionGraph";

    public static readonly ActivitySource Source = new(Name);

    public static readonly Meter Meter = new(Name);

    private static readonly Counter<long> Requests = Meter.CreateCounter<long>(
        "petitiongraph.graphql.requests", description: "GraphQL operations, by type, name and error code (none when it succeeded).");

    private static readonly Histogram<double> Duration = Meter.CreateHistogram<double>(
        "petitiongraph.graphql.duration", unit: "s", description: "How long GraphQL operations took, by type and name.");

    private static readonly Counter<long> ReportRuns = Meter.CreateCounter<long>(
        "petitiongraph.report.runs", description: "Report runs finished, by kind and outcome.");

    private static readonly Counter<long> WebhookDeliveries = Meter.CreateCounter<long>(
        "petitiongraph.webhook.deliveries", description: "Webhook delivery attempts, by outcome.");

    public static void WebhookDelivered(bool succeeded) =>
        WebhookDeliveries.Add(1, new KeyValuePair<string, object?>("outcome", succeeded ? "delivered" : "failed"));

    public static void Operation(string type, string name, string errorCode, double seconds)
    {
        var tags = new TagList { { "graphql.operation.type", type }, { "graphql.operation.name", name } };
        Duration.Record(seconds, tags);
        tags.Add("error.code", errorCode);
        Requests.Add(1, tags);
    }

    public static void ReportRun(string kind, string outcome) =>
        ReportRuns.Add(1, new KeyValuePair<string, object?>("report.kind", kind), new KeyValuePair<string, object?>("outcome", outcome));
}
