using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.IdentityModel.Tokens;
using PetitionGraph.Api.GraphQL;

namespace PetitionGraph.Api.Access;

public static class AccessServiceExtensions
{
    public const string RateLimitPolicy = "per-caller";

    /// <summary>Bearer tokens (self-issued or from an OpenID Connect provider), the caller's scope, audit, rate limits.</summary>
    public static IServiceCollection AddPetitionAccess(this IServiceCollection services, IConfiguration configuration)
    {
        var options = AuthOptions.From(configuration);
        var limits = RequestLimits.From(configuration);
        services.AddSingleton(options);
        services.AddSingleton(limits);
        services.AddSingleton<TokenIssuer>();
        services.AddHttpContextAccessor();
        services.AddScoped<ExecutingUser>();
        services.AddScoped(AccessScope.From);
        services.AddScoped<PersonalDataReads>();
        services.AddSingleton<AuditWriter>();
        services.AddSingleton<PersistedDocuments>();
        // A request with an API key is an integration client's; otherwise a bearer token is expected.
        services.AddAuthentication("Caller")
            .AddPolicyScheme("Caller", "API key or bearer token", policy => policy.ForwardDefaultSelector = http =>
                http.Request.Headers.ContainsKey(ApiKeyHandler.Header) ? ApiKeyHandler.SchemeName : JwtBearerDefaults.AuthenticationScheme)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyHandler>(ApiKeyHandler.SchemeName, null)
            .AddJwtBearer();
        services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme).Configure<TokenIssuer>((jwt, issuer) =>
        {
            jwt.MapInboundClaims = false;
            // A browser signed in at /signin carries its token in the session cookie (see SessionCookie).
            jwt.Events = new JwtBearerEvents { OnMessageReceived = Workbench.SessionCookie.ReadTokenAsync };
            jwt.TokenValidationParameters = new TokenValidationParameters
            {
                ValidIssuer = options.Issuer,
                ValidAudience = options.Audience,
                NameClaimType = "sub",
                RoleClaimType = Caller.RoleClaim,
                ClockSkew = TimeSpan.FromMinutes(1),
            };
            if (string.IsNullOrWhiteSpace(options.Authority))
            {
                jwt.TokenValidationParameters.IssuerSigningKey = issuer.Key;
            }
            else
            {
                jwt.Authority = options.Authority;
                jwt.RequireHttpsMetadata = options.Authority.StartsWith("https://", StringComparison.OrdinalIgnoreCase);
            }
        });
        services.AddRateLimiter(rate =>
        {
            rate.AddPolicy(RateLimitPolicy, http =>
            {
                var key = Caller.From(http.User)?.Name ?? http.Connection.RemoteIpAddress?.ToString() ?? "anonymous";
                return limits.RequestsPerMinute <= 0
                    ? RateLimitPartition.GetNoLimiter(key)
                    : RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
                    {
                        PermitLimit = limits.RequestsPerMinute,
                        Window = TimeSpan.FromMinutes(1),
                        QueueLimit = 0,
                    });
            });
            rate.OnRejected = async (context, ct) =>
            {
                var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromMinutes(1);
                context.HttpContext.Response.StatusCode = StatusCodes.Status429TooManyRequests;
                context.HttpContext.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
                context.HttpContext.Response.ContentType = "application/json; charset=utf-8";
                var seconds = (int)Math.Ceiling(retryAfter.TotalSeconds);
                var message = $"Too many requests: at most {limits.RequestsPerMinute} a minute per caller. Retry after {seconds} s.";
                await context.HttpContext.Response.WriteAsync(System.Text.Json.JsonSerializer.Serialize(new
                {
                    errors = new[] { new { message, extensions = new { code = "RATE_LIMITED" } } },
                }), ct);
            };
        });
        return services;
    }
}

/// <summary>Configuration section <c>Limits</c>: what one request may cost.</summary>
public sealed record RequestLimits
{
    public int MaxDepth { get; init; } = 12;
    public int MaxComplexity { get; init; } = 100_000;
    /// <summary>Fields a document may select once its fragments are expanded (checked before validation).</summary>
    public int MaxFields { get; init; } = 2_000;
    /// <summary>Memory the parsed-document cache may hold (estimated); the least recently used documents go first.</summary>
    public long DocumentCacheBytes { get; init; } = 32L * 1024 * 1024;
    public int MaxRequestBytes { get; init; } = 64 * 1024;
    public int ExecutionSeconds { get; init; } = 20;
    /// <summary>Per caller (token subject, else client address); 0 switches the limit off.</summary>
    public int RequestsPerMinute { get; init; } = 600;

    public static RequestLimits From(IConfiguration configuration) => configuration.GetSection("Limits").Get<RequestLimits>() ?? new RequestLimits();
}
