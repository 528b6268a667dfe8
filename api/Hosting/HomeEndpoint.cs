using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using PetitionGraph.Api.Access;
using PetitionGraph.Api.GraphQL.Http;

namespace PetitionGraph.Api.Hosting;

/// <summary>
/// Where things are: <c>GET /</c> names the endpoints (a short page for a browser, JSON for anything else), and the
/// start-up log prints the GraphQL URL itself, not only "Now listening on".
/// </summary>
public static class HomeEndpoint
{
    public static WebApplication MapHome(this WebApplication app)
    {
        app.MapGet("/", async (HttpContext http, Workbench.HomePage home) =>
        {
            var root = $"{http.Request.Scheme}://{http.Request.Host}";
            var links = new Dictionary<string, string>
            {
                ["graphql"] = root + GraphQLHttpEndpoint.Path,
                ["export"] = root + Workbench.Export.ExportEndpoint.Path + "?format=xlsx",
                ["schema"] = root + Workbench.SchemaEndpoint.Path,
                ["signin"] = root + Workbench.SessionCookie.SignInPath,
                ["health"] = root + "/healthz",
                ["ready"] = root + "/readyz",
                ["ledgers"] = root + "/ledgers/ownership.xlsx",
                ["docs"] = "README.md in the repository (sections Example queries, For analysts, Security, Command line)",
            };
            if (http.Request.Headers.Accept.ToString().Contains("text/html", StringComparison.OrdinalIgnoreCase))
            {
                // A browser: the home page when signed in; otherwise only the sign-in.
                if (Caller.From(http.User) is { } caller)
                {
                    await home.WriteAsync(http, caller);
                }
                else
                {
                    http.Response.Redirect(Workbench.SessionCookie.SignInPath + "?return=%2F");
                }
                return;
            }
            await http.Response.WriteAsJsonAsync(new { service = "PetitionGraph", description = "GraphQL API of a town's petition (信访) office; every request needs a bearer token.", links });
        });
        return app;
    }

    /// <summary>Logs the GraphQL URL on every address the server listens on, once it listens.</summary>
    public static WebApplication AnnounceEndpointsOnStart(this WebApplication app)
    {
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
            foreach (var address in addresses)
            {
                app.Logger.LogInformation("GraphQL endpoint: {Url}{Path} (health: {Url}/healthz). Choose the port with --urls http://127.0.0.1:PORT or the Urls setting.",
                    address, GraphQLHttpEndpoint.Path, address);
            }
            if (!app.Services.GetRequiredService<Reports.Pdf.PdfSettings>().Enabled)
            {
                app.Logger.LogWarning("PDF is turned off (Reports:Pdf:Enabled=false): reports are made without report.pdf.");
            }
        });
        return app;
    }
}
