using System.Net;
using PetitionGraph.Api.Access;

namespace PetitionGraph.Api.Workbench;

/// <summary>
/// <c>GET /graphql</c> from a browser: the GraphQL IDE (GraphiQL 3, served from the service itself — see
/// <see cref="WorkbenchAssets"/>). Signed in by the session cookie; not signed in, the sign-in page. The page's
/// Content-Security-Policy allows nothing from outside the service: an office network without internet loses nothing.
/// </summary>
public sealed class IdePage(WorkbenchOptions options, IHostEnvironment environment)
{
    /// <summary>Nothing from elsewhere: scripts, styles, fonts, images and requests only from this service.</summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; " +
        "connect-src 'self'; worker-src 'self' blob:; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

    /// <summary>A browser's page request (it accepts HTML and asks no query), not a GraphQL request.</summary>
    public static bool IsWanted(HttpContext http) =>
        HttpMethods.IsGet(http.Request.Method) && !http.Request.Query.ContainsKey("query")
        && http.Request.Headers.Accept.ToString().Contains("text/html", StringComparison.OrdinalIgnoreCase);

    public async Task WriteAsync(HttpContext http)
    {
        if (!options.IdeEnabled(environment))
        {
            http.Response.StatusCode = StatusCodes.Status404NotFound;
            await Pages.WriteAsync(http, "GraphQL IDE", """
                <h1>GraphQL IDE</h1><p>本服务未开启浏览器查询工具。The IDE is turned off here (setting <code>Workbench:Ide</code>).
                GraphQL requests go to this URL with <code>POST</code> and a bearer token.</p>
                """);
            return;
        }
        if (Caller.From(http.User) is not { } caller)
        {
            http.Response.Redirect(SessionCookie.SignInPath + "?return=" + Uri.EscapeDataString("/graphql"));
            return;
        }
        http.Response.Headers.ContentSecurityPolicy = ContentSecurityPolicy;
        http.Response.Headers.CacheControl = "no-store";
        http.Response.ContentType = Pages.HtmlType;
        var who = WebUtility.HtmlEncode($"{caller.Name} · {Data.EnumNames.Name(caller.Role)}");
        await http.Response.WriteAsync($$"""
            <!doctype html>
            <html lang="zh-CN">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>PetitionGraph · GraphQL IDE</title>
            <link rel="stylesheet" href="{{WorkbenchAssets.Path}}/graphiql.min.css">
            <link rel="stylesheet" href="{{WorkbenchAssets.Path}}/workbench.css">
            </head>
            <body>
            <div id="workbench" data-user="{{who}}" data-max-rows="{{options.ExportMaxRows}}" data-session-header="{{SessionCookie.Header}}">
              <div class="wb-bar"><a href="/">PetitionGraph</a><span class="wb-user">{{who}}</span>
              <form method="post" action="{{SessionCookie.SignOutPath}}"><button type="submit">退出 Sign out</button></form></div>
              <div id="graphiql">正在加载 Loading…</div>
            </div>
            <script src="{{WorkbenchAssets.Path}}/react.production.min.js"></script>
            <script src="{{WorkbenchAssets.Path}}/react-dom.production.min.js"></script>
            <script src="{{WorkbenchAssets.Path}}/graphiql.min.js"></script>
            <script src="{{WorkbenchAssets.Path}}/workbench.js"></script>
            </body>
            </html>
            """, http.RequestAborted);
    }
}
