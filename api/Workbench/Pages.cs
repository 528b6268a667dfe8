using System.Net;

namespace PetitionGraph.Api.Workbench;

/// <summary>The server-rendered pages' frame: plain HTML and CSS, no script, nothing from outside the service.</summary>
internal static class Pages
{
    public const string HtmlType = "text/html; charset=utf-8";

    private const string Css = """
        @font-face { font-family: "PetitionGraph CJK"; src: url("/graphql/ide/cjk.ttf") format("truetype"); font-display: swap; }
        :root { color-scheme: light; --accent: #2f6db5; }
        body { font-family: "Microsoft YaHei", "PingFang SC", "Noto Sans CJK SC", "WenQuanYi Micro Hei", "PetitionGraph CJK", sans-serif; margin: 0; color: #1f2328; background: #f6f8fa; }
        main { max-width: 960px; margin: 0 auto; padding: 24px; }
        header.top { background: #fff; border-bottom: 3px solid var(--accent); }
        header.top div { max-width: 960px; margin: 0 auto; padding: 12px 24px; display: flex; gap: 16px; align-items: center; }
        header.top strong { font-size: 18px; flex: 1; }
        h1 { font-size: 22px; margin: 8px 0 16px; }
        h2 { font-size: 17px; margin: 24px 0 8px; border-left: 4px solid var(--accent); padding-left: 8px; }
        section, form.signin { background: #fff; border: 1px solid #d0d7de; border-radius: 6px; padding: 16px; margin-bottom: 16px; }
        .figures { display: grid; grid-template-columns: repeat(auto-fit, minmax(160px, 1fr)); gap: 12px; }
        .figure { border: 1px solid #d0d7de; border-radius: 6px; padding: 10px 12px; background: #fbfcfd; }
        .figure b { display: block; font-size: 26px; }
        .figure span { color: #57606a; font-size: 13px; }
        table { border-collapse: collapse; width: 100%; }
        th, td { border-bottom: 1px solid #d8dee4; padding: 6px 8px; text-align: left; vertical-align: top; }
        th { background: #eef2f6; }
        a { color: var(--accent); }
        textarea { width: 100%; min-height: 96px; font-family: monospace; font-size: 13px; box-sizing: border-box; }
        button { background: var(--accent); color: #fff; border: 0; border-radius: 4px; padding: 6px 14px; font-size: 14px; cursor: pointer; }
        header.top form button { background: #57606a; }
        .error { color: #b42318; font-weight: bold; }
        .muted { color: #57606a; font-size: 13px; }
        button, textarea, input { font-family: inherit; }
        a.button { display: inline-block; background: var(--accent); color: #fff; border-radius: 4px; padding: 6px 14px; text-decoration: none; }
        """;

    public static async Task WriteAsync(HttpContext http, string title, string body, string? user = null)
    {
        http.Response.ContentType = HtmlType;
        http.Response.Headers.CacheControl = "no-store";
        http.Response.Headers.ContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; font-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";
        var signOut = user is null ? "" : $"<span>{WebUtility.HtmlEncode(user)}</span><form method=\"post\" action=\"{SessionCookie.SignOutPath}\"><button type=\"submit\">退出 Sign out</button></form>";
        await http.Response.WriteAsync($"""
            <!doctype html>
            <html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>{WebUtility.HtmlEncode(title)} · PetitionGraph</title><style>{Css}</style></head>
            <body><header class="top"><div><strong>PetitionGraph 信访事项办理与统计</strong>{signOut}</div></header>
            <main>{body}</main></body></html>
            """, http.RequestAborted);
    }

    public static string Encode(string? text) => WebUtility.HtmlEncode(text ?? "");
}
