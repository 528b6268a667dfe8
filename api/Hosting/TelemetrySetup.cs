using GraphQL.DI;
using Npgsql;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using PetitionGraph.Api.Access;

namespace PetitionGraph.Api.Hosting;

/// <summary>
/// OpenTelemetry: metrics always (ours, ASP.NET Core's, HttpClient's, the runtime's, Npgsql's), scraped at /metrics and/or
/// pushed over OTLP; traces only when <c>Telemetry:Tracing</c> is on — then a span per HTTP request, per GraphQL
/// operation, per loader batch and per PostgreSQL statement, exported over OTLP.
/// </summary>
public static class TelemetrySetup
{
    public const string MetricsPath = "/metrics";

    public static IServiceCollection AddPetitionTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        var options = TelemetryOptions.From(configuration);
        if (options.SampleRatio is < 0 or > 1)
        {
            throw new StartupException(new Language.Msg($"Telemetry:SampleRatio 须在 0 到 1 之间，当前为 {options.SampleRatio}。",
                $"Telemetry:SampleRatio is between 0 and 1; it was {options.SampleRatio}."));
        }
        services.AddSingleton(options);
        services.AddSingleton<IConfigureExecution, OperationTelemetry>();
        var otlp = string.IsNullOrWhiteSpace(options.OtlpEndpoint) ? null : new Uri(options.OtlpEndpoint);
        var protocol = options.OtlpProtocol.Equals("http/protobuf", StringComparison.OrdinalIgnoreCase) ? OtlpExportProtocol.HttpProtobuf : OtlpExportProtocol.Grpc;
        var telemetry = services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(Telemetry.Name, serviceVersion: typeof(TelemetrySetup).Assembly.GetName().Version?.ToString()));
        telemetry.WithMetrics(metrics =>
        {
            metrics.AddMeter(Telemetry.Name, "Npgsql").AddAspNetCoreInstrumentation().AddHttpClientInstrumentation().AddRuntimeInstrumentation();
            if (options.Prometheus)
            {
                metrics.AddPrometheusExporter();
            }
            if (otlp is not null)
            {
                metrics.AddOtlpExporter(o => (o.Endpoint, o.Protocol) = (otlp, protocol));
            }
        });
        if (options.Tracing)
        {
            telemetry.WithTracing(tracing =>
            {
                tracing.SetSampler(new ParentBasedSampler(new TraceIdRatioBasedSampler(options.SampleRatio)))
                    .AddSource(Telemetry.Name)
                    .AddAspNetCoreInstrumentation(o => o.Filter = http => http.Request.Path != MetricsPath && !http.Request.Path.StartsWithSegments("/healthz"))
                    .AddHttpClientInstrumentation()
                    .AddNpgsql();
                if (otlp is not null)
                {
                    tracing.AddOtlpExporter(o => (o.Endpoint, o.Protocol) = (otlp, protocol));
                }
            });
        }
        return services;
    }

    /// <summary>/metrics, for an ADMIN token or an API client with metrics:read — protected like the API.</summary>
    public static WebApplication MapPetitionMetrics(this WebApplication app)
    {
        if (!app.Services.GetRequiredService<TelemetryOptions>().Prometheus)
        {
            return app;
        }
        app.UseWhen(http => http.Request.Path == MetricsPath, branch => branch.Use(async (http, next) =>
        {
            var caller = Caller.From(http.User);
            if (caller is null)
            {
                http.Response.Headers.WWWAuthenticate = "Bearer";
                await ErrorResponses.WriteAsync(http, StatusCodes.Status401Unauthorized, "UNAUTHENTICATED", new Language.Msg("请提供有效的令牌（ADMIN）或具有 metrics:read 权限的接口密钥。", "Send a valid bearer token (ADMIN) or an API key with metrics:read."));
                return;
            }
            if (caller.Role != Role.Admin && !(caller.Role == Role.Integration && caller.Scopes.Contains("metrics:read")))
            {
                await ErrorResponses.WriteAsync(http, StatusCodes.Status403Forbidden, "FORBIDDEN", new Language.Msg("运行指标仅供 ADMIN 令牌和具有 metrics:read 权限的接口客户端查看。", "Metrics are for ADMIN tokens and API clients with metrics:read."));
                return;
            }
            await next(http);
        }));
        app.MapPrometheusScrapingEndpoint(MetricsPath);
        return app;
    }
}
