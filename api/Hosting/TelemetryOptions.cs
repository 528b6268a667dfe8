namespace PetitionGraph.Api.Hosting;

/// <summary>Configuration section <c>Telemetry</c>.</summary>
public sealed record TelemetryOptions
{
    /// <summary>Record traces (a span per request, per GraphQL operation, per loader batch, per SQL statement on PostgreSQL).</summary>
    public bool Tracing { get; init; }

    /// <summary>Of the traces started here, the share kept (1 = all); a caller's sampled trace context is followed.</summary>
    public double SampleRatio { get; init; } = 1;

    /// <summary>Serve metrics at <c>/metrics</c> in Prometheus text format, to ADMIN tokens and API clients with metrics:read.</summary>
    public bool Prometheus { get; init; } = true;

    /// <summary>Send traces and metrics to this OTLP endpoint (e.g. http://collector:4317); none when empty.</summary>
    public string? OtlpEndpoint { get; init; }

    /// <summary>grpc or http/protobuf.</summary>
    public string OtlpProtocol { get; init; } = "grpc";

    public static TelemetryOptions From(IConfiguration configuration) => configuration.GetSection("Telemetry").Get<TelemetryOptions>() ?? new TelemetryOptions();
}
