using Microsoft.AspNetCore.Authentication.JwtBearer;

namespace PetitionGraph.Api.Workbench;

/// <summary>
/// Signing in from a browser: the user pastes a token once; it is kept in a session cookie (gone when the browser
/// closes; HttpOnly, so no script reads it; SameSite=Strict, so no other site's page sends it) and never in a URL.
/// The cookie stands for the bearer token only on reads (GET) and on requests our own pages make, which say so with
/// <see cref="Header"/> — a header another site's form cannot add.
/// </summary>
public static class SessionCookie
{
    public const string Name = "petitiongraph_session";
    public const string Header = "X-PetitionGraph-Session";
    public const string SignInPath = "/signin";
    public const string SignOutPath = "/signout";

    /// <summary>JwtBearer's OnMessageReceived: the token from the sign-in form or from the cookie, where it may stand.</summary>
    public static async Task ReadTokenAsync(MessageReceivedContext context)
    {
        var request = context.Request;
        if (request.Headers.Authorization.Count > 0)
        {
            return;
        }
        if (HttpMethods.IsPost(request.Method) && request.Path == SignInPath && request.HasFormContentType)
        {
            // The pasted token is checked exactly as a bearer token is, before it becomes the cookie.
            var form = await request.ReadFormAsync(context.HttpContext.RequestAborted);
            context.Token = form["token"].ToString().Trim();
            return;
        }
        if (!request.Cookies.TryGetValue(Name, out var token) || string.IsNullOrEmpty(token) || context.HttpContext.WebSockets.IsWebSocketRequest)
        {
            return;
        }
        if (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method) || request.Headers.ContainsKey(Header))
        {
            context.Token = token;
        }
    }

    public static void Write(HttpContext http, string token) => http.Response.Cookies.Append(Name, token, Options(http));

    public static void Delete(HttpContext http) => http.Response.Cookies.Delete(Name, Options(http));

    private static CookieOptions Options(HttpContext http) => new()
    {
        HttpOnly = true,
        SameSite = SameSiteMode.Strict,
        Secure = http.Request.IsHttps,
        Path = "/",
        IsEssential = true,
    };

    /// <summary>Only a path of this service is a place to return to after signing in (no open redirect).</summary>
    public static string LocalPath(string? path) =>
        path is { Length: > 0 } && path[0] == '/' && (path.Length == 1 || (path[1] != '/' && path[1] != '\\')) ? path : "/";
}
