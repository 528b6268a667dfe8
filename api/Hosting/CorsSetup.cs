namespace PetitionGraph.Api.Hosting;

/// <summary>
/// Cross-origin access for browser-based district tools (GraphiQL, a district web app): the origins listed in
/// <c>Cors:AllowedOrigins</c> may call the API — none by default. Credentials are bearer tokens and API keys sent as
/// headers, never cookies, so credentialed CORS stays off; preflights are answered by the middleware itself.
/// </summary>
public static class CorsSetup
{
    public const string Section = "Cors";

    public static IServiceCollection AddPetitionCors(this IServiceCollection services, IConfiguration configuration)
    {
        var origins = configuration.GetSection(Section + ":AllowedOrigins").Get<string[]>() ?? [];
        foreach (var origin in origins)
        {
            if (origin != "*" && (!Uri.TryCreate(origin, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https") || uri.PathAndQuery != "/"))
            {
                throw new StartupException(new Language.Msg($"Cors:AllowedOrigins：“{origin}”不是来源（scheme://host[:port]，不带路径），也不是 *。",
                    $"Cors:AllowedOrigins: '{origin}' is not an origin (scheme://host[:port], no path), nor *."));
            }
        }
        services.AddCors(cors => cors.AddDefaultPolicy(policy =>
        {
            if (origins.Contains("*"))
            {
                policy.AllowAnyOrigin();
            }
            else
            {
                policy.WithOrigins([.. origins.Select(o => o.TrimEnd('/'))]);
            }
            policy.WithMethods("GET", "POST")
                .WithHeaders("Content-Type", "Accept", "Authorization", Access.ApiKeyHandler.Header)
                .WithExposedHeaders("Retry-After", "WWW-Authenticate")
                .SetPreflightMaxAge(TimeSpan.FromMinutes(10));
        }));
        return services;
    }
}
