using PetitionGraph.Api.Access;

namespace PetitionGraph.Api.Workbench;

/// <summary><c>GET/POST /signin</c> (paste a token) and <c>POST /signout</c>: the session cookie of <see cref="SessionCookie"/>.</summary>
internal static class SignInEndpoints
{
    public static WebApplication MapSignIn(this WebApplication app)
    {
        app.MapGet(SessionCookie.SignInPath, (HttpContext http, DemoMode demo) =>
            WriteFormAsync(http, demo, SessionCookie.LocalPath(http.Request.Query["return"]), problem: null));
        app.MapPost(SessionCookie.SignInPath, async (HttpContext http, DemoMode demo) =>
        {
            var form = http.Request.HasFormContentType ? await http.Request.ReadFormAsync(http.RequestAborted) : null;
            var returnTo = SessionCookie.LocalPath(form?["return"]);
            // Signing in from another site's page is refused (the browser names the page's origin).
            if (http.Request.Headers.Origin is [{ } origin] && !string.Equals(origin, $"{http.Request.Scheme}://{http.Request.Host}", StringComparison.OrdinalIgnoreCase))
            {
                http.Response.StatusCode = StatusCodes.Status403Forbidden;
                await WriteFormAsync(http, demo, returnTo, "登录请求来自其他网站，已拒绝。Signing in from another site is refused.");
                return;
            }
            // The pasted token was checked as a bearer token (SessionCookie.ReadTokenAsync); an invalid one is no caller.
            if (Caller.From(http.User) is null || form is null)
            {
                http.Response.StatusCode = StatusCodes.Status401Unauthorized;
                await WriteFormAsync(http, demo, returnTo, Caller.Problem(http.User) is { } problem ? $"{problem.Zh}{problem.En}" : "令牌无效或已过期。The token is not valid (or has expired).");
                return;
            }
            SessionCookie.Write(http, form["token"].ToString().Trim());
            http.Response.StatusCode = StatusCodes.Status303SeeOther;
            http.Response.Headers.Location = returnTo;
        });
        app.MapPost(SessionCookie.SignOutPath, (HttpContext http) =>
        {
            SessionCookie.Delete(http);
            http.Response.StatusCode = StatusCodes.Status303SeeOther;
            http.Response.Headers.Location = SessionCookie.SignInPath;
        });
        return app;
    }

    internal static Task WriteFormAsync(HttpContext http, DemoMode demo, string returnTo, string? problem)
    {
        // Where the API is, for whoever opened the root to find it (no data: the sign-in and nothing else).
        var api = $"{http.Request.Scheme}://{http.Request.Host}{GraphQL.Http.GraphQLHttpEndpoint.Path}";
        var oidc = OidcSignIn.Enabled(http.RequestServices.GetRequiredService<AuthOptions>(), http.RequestServices.GetRequiredService<OidcSignInOptions>())
            ? $"<p><a class=\"button\" href=\"{OidcSignIn.StartPath}?return={Uri.EscapeDataString(returnTo)}\">通过统一身份认证登录 Sign in with the office's account</a></p><p class=\"muted\">或粘贴令牌 — or paste a token:</p>"
            : "";
        var hint = demo.Enabled
            ? "演示模式：服务启动时已为每个角色打印一个令牌；也可以运行 <code>dotnet run --project api -- token --role ANALYST</code>。"
            : "令牌由本办系统管理员签发。Ask the office's administrator for a token.";
        return Pages.WriteAsync(http, "登录 Sign in", $"""
            <h1>登录 Sign in</h1>
            <form class="signin" method="post" action="{SessionCookie.SignInPath}">
            {(problem is null ? "" : $"<p class=\"error\" role=\"alert\">{Pages.Encode(problem)}</p>")}
            {oidc}
            <p><label for="token">粘贴你的令牌 Paste your token</label></p>
            <textarea id="token" name="token" required autocomplete="off" spellcheck="false"></textarea>
            <input type="hidden" name="return" value="{Pages.Encode(returnTo)}">
            <p><button type="submit">登录 Sign in</button></p>
            <p class="muted">令牌只保存在本次浏览器会话中（关闭浏览器即失效），不会出现在网址中。The token is kept for this browser session only, never in a URL.</p>
            <p class="muted">{hint}</p>
            </form>
            <p class="muted">GraphQL API: <a href="{Pages.Encode(api)}">{Pages.Encode(api)}</a> (POST, <code>Authorization: Bearer …</code>) ·
            health <a href="/healthz">/healthz</a> · <a href="/readyz">/readyz</a> · README: “For analysts”.</p>
            """);
    }
}
