using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
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
        app.MapGet("/", (HttpContext http) =>
        {
            var root = $"{http.Request.Scheme}://{http.Request.Host}";
            var links = new Dictionary<string, string>
            {
                ["graphql"] = root + GraphQLHttpEndpoint.Path,
                ["health"] = root + "/healthz",
                ["ready"] = root + "/readyz",
                ["ledgers"] = root + "/ledgers/ownership.xlsx",
                ["docs"] = "README.md in the repository (sections Example queries, Security, Command line)",
            };
            if (http.Request.Headers.Accept.ToString().Contains("text/html", StringComparison.OrdinalIgnoreCase))
            {
                var items = string.Concat(links.Select(l => $"<li>{l.Key}: {(l.Value.StartsWith("http", StringComparison.Ordinal) ? $"<a href=\"{l.Value}\">{l.Value}</a>" : System.Net.WebUtility.HtmlEncode(l.Value))}</li>"));
                return Results.Content($"""
                    <!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>PetitionGraph 信访事项管理</title></head>
                    <body><h1>PetitionGraph</h1><p>信访事项办理与统计 — the GraphQL service of the petition office. Every request to
                    <code>/graphql</code> needs <code>Authorization: Bearer &lt;token&gt;</code>.</p><ul>{items}</ul></body></html>
                    """, "text/html; charset=utf-8");
            }
            return Results.Json(new { service = "PetitionGraph", description = "GraphQL API of a town's petition (信访) office; every request needs a bearer token.", links });
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
            if (app.Services.GetRequiredService<Reports.Pdf.PdfPrinter>().Unavailable is { } noPdf)
            {
                app.Logger.LogWarning("{Reason} Reports are made without report.pdf.", noPdf);
            }
        });
        return app;
    }
}
