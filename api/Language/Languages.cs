using GraphQL;
using Microsoft.Net.Http.Headers;

namespace PetitionGraph.Api.Language;

/// <summary>
/// Which language a request reads: Chinese unless its Accept-Language prefers English (<c>en</c>, <c>en-US</c> …) to
/// Chinese. The command line reads <c>--lang en</c> or <c>PETITIONGRAPH_LANG=en</c> (<see cref="Cli.CliArguments"/>).
/// </summary>
public static class Languages
{
    private const string ItemKey = "petitiongraph.lang";

    public static Lang Of(HttpContext? http)
    {
        if (http is null)
        {
            return Lang.Zh;
        }
        if (http.Items.TryGetValue(ItemKey, out var known) && known is Lang cached)
        {
            return cached;
        }
        var lang = Parse(http.Request.Headers.AcceptLanguage.ToString());
        http.Items[ItemKey] = lang;
        return lang;
    }

    public static Lang Of(IResolveFieldContext context) =>
        Of(context.RequestServices?.GetService<IHttpContextAccessor>()?.HttpContext);

    /// <summary>The first language by quality (then order) that is Chinese or English decides; anything else is Chinese.</summary>
    public static Lang Parse(string? acceptLanguage)
    {
        if (string.IsNullOrWhiteSpace(acceptLanguage) || !StringWithQualityHeaderValue.TryParseList(acceptLanguage.Split(','), out var ranges))
        {
            return Lang.Zh;
        }
        foreach (var range in ranges.Select((r, i) => (r, i)).OrderByDescending(x => x.r.Quality ?? 1).ThenBy(x => x.i).Select(x => x.r))
        {
            if (range.Quality == 0)
            {
                continue;
            }
            var tag = range.Value.Value ?? "";
            if (tag.Equals("en", StringComparison.OrdinalIgnoreCase) || tag.StartsWith("en-", StringComparison.OrdinalIgnoreCase))
            {
                return Lang.En;
            }
            if (tag.Equals("zh", StringComparison.OrdinalIgnoreCase) || tag.StartsWith("zh-", StringComparison.OrdinalIgnoreCase) || tag == "*")
            {
                return Lang.Zh;
            }
        }
        return Lang.Zh;
    }
}
