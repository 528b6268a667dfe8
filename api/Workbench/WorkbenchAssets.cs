using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using PetitionGraph.Api.Access;

namespace PetitionGraph.Api.Workbench;

/// <summary>
/// The IDE's files, embedded in the service (GraphiQL, React and their licences, vendored by Assets/vendor.sh; our own
/// workbench.js and .css), served under <see cref="Path"/> with an ETag; and the ready-made example queries: the
/// operations in schema/operations and the README's examples.
/// </summary>
internal static partial class WorkbenchAssets
{
    public const string Path = "/graphql/ide";
    public const string FontFile = "cjk.ttf";
    private const string Prefix = "workbench/";

    private static readonly Lazy<Dictionary<string, (byte[] Content, string Type, string ETag)>> Files = new(Load);
    private static readonly Lazy<byte[]> ExamplesJson = new(() => System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(Examples()));

    public static WebApplication MapWorkbenchAssets(this WebApplication app)
    {
        app.MapGet(Path + "/examples.json", async (HttpContext http) =>
        {
            if (Caller.From(http.User) is null)
            {
                await Hosting.ErrorResponses.WriteAsync(http, StatusCodes.Status401Unauthorized, "UNAUTHENTICATED", new Language.Msg("请先登录（或提供令牌）。", "Sign in first (or send a bearer token)."));
                return;
            }
            http.Response.ContentType = "application/json; charset=utf-8";
            await http.Response.Body.WriteAsync(ExamplesJson.Value, http.RequestAborted);
        });
        // The shipped CJK font (the reports' own), so Chinese reads on a machine that has none.
        app.MapGet(Path + "/" + FontFile, (HttpContext http) =>
        {
            http.Response.Headers.CacheControl = "public, max-age=86400";
            return Results.File(PetitionGraph.Reporting.Charts.ChartFonts.FontPath, "font/ttf");
        });
        app.MapGet(Path + "/{file}", (string file, HttpContext http) =>
        {
            if (!Files.Value.TryGetValue(file, out var found))
            {
                return Results.NotFound();
            }
            http.Response.Headers.ETag = found.ETag;
            http.Response.Headers.CacheControl = "no-cache";
            http.Response.Headers.XContentTypeOptions = "nosniff";
            return http.Request.Headers.IfNoneMatch == found.ETag ? Results.StatusCode(StatusCodes.Status304NotModified) : Results.Bytes(found.Content, found.Type);
        });
        return app;
    }

    private static Dictionary<string, (byte[], string, string)> Load()
    {
        var assembly = Assembly.GetExecutingAssembly();
        var files = new Dictionary<string, (byte[], string, string)>(StringComparer.Ordinal);
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith(Prefix, StringComparison.Ordinal)))
        {
            using var stream = assembly.GetManifestResourceStream(name)!;
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            var content = copy.ToArray();
            var type = System.IO.Path.GetExtension(name) switch
            {
                ".js" => "text/javascript; charset=utf-8",
                ".css" => "text/css; charset=utf-8",
                _ => "text/plain; charset=utf-8",
            };
            files[name[Prefix.Length..]] = (content, type, $"\"{Convert.ToHexString(SHA256.HashData(content))[..16]}\"");
        }
        return files;
    }

    internal sealed record Example(string Group, string Title, string Query);

    /// <summary>The README's examples first (they run on the demo data as they stand), then the example operations.</summary>
    internal static List<Example> Examples()
    {
        var assembly = Assembly.GetExecutingAssembly();
        var examples = new List<Example>();
        if (assembly.GetManifestResourceStream("README.md") is { } readme)
        {
            using var reader = new StreamReader(readme, Encoding.UTF8);
            var text = reader.ReadToEnd();
            examples.AddRange(ReadmeExamples(text));
        }
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith("operations/", StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            using var reader = new StreamReader(assembly.GetManifestResourceStream(name)!, Encoding.UTF8);
            var query = reader.ReadToEnd().TrimEnd();
            var mutation = name.StartsWith("operations/mutations/", StringComparison.Ordinal);
            var title = System.IO.Path.GetFileNameWithoutExtension(name);
            var comment = query.Split('\n').FirstOrDefault(l => l.StartsWith('#'))?.TrimStart('#', ' ');
            examples.Add(new(mutation ? "schema/operations/mutations" : "schema/operations", comment is null ? title : $"{title} — {comment}", query));
        }
        return examples;
    }

    /// <summary>A README sentence as text: links become their words, code marks go.</summary>
    private static string Plain(string markdown) => MarkdownLink().Replace(markdown, "$1").Replace("`", "", StringComparison.Ordinal);

    [System.Text.RegularExpressions.GeneratedRegex(@"\[([^\]]*)\]\([^)]*\)")]
    private static partial System.Text.RegularExpressions.Regex MarkdownLink();

    /// <summary>The first field an operation selects (registerPetition, cases …), after its comments.</summary>
    private static string FirstField(string query)
    {
        var code = string.Join("\n", query.Split('\n').Where(l => !l.TrimStart().StartsWith('#')));
        var brace = code.IndexOf('{', StringComparison.Ordinal);
        var name = new string([.. code[(brace + 1)..].TrimStart().TakeWhile(c => char.IsLetterOrDigit(c) || c == '_')]);
        return name.Length > 0 ? name : "example";
    }

    /// <summary>
    /// The README's ```graphql blocks, each titled by the paragraph just above it, or by its section's heading (with
    /// "（续）") when output or another block comes first.
    /// </summary>
    private static IEnumerable<Example> ReadmeExamples(string readme)
    {
        var (heading, paragraph, fence, blank) = ("README", new List<string>(), (string?)null, false);
        var block = new List<string>();
        foreach (var raw in readme.Split('\n'))
        {
            var line = raw.TrimEnd('\r');
            if (fence is not null)
            {
                if (line.StartsWith("```", StringComparison.Ordinal))
                {
                    if (fence == "graphql")
                    {
                        var query = string.Join("\n", block).TrimEnd();
                        var title = paragraph.Count > 0 ? Plain(string.Join(" ", paragraph)).TrimEnd(':', '：') : $"{heading} · {FirstField(query)}";
                        yield return new("README", title.Length > 100 ? title[..100] + "…" : title, query);
                    }
                    (fence, paragraph, blank) = (null, [], false);
                }
                else
                {
                    block.Add(line);
                }
                continue;
            }
            if (line.StartsWith("```", StringComparison.Ordinal))
            {
                (fence, block) = (line[3..].Trim(), []);
            }
            else if (line.StartsWith('#'))
            {
                (heading, paragraph) = (line.TrimStart('#', ' '), []);
            }
            else if (line.Trim().Length == 0)
            {
                // A blank line ends a paragraph; the paragraph still introduces a block right after it.
                blank = true;
            }
            else
            {
                paragraph = blank ? [line.Trim()] : [.. paragraph, line.Trim()];
                blank = false;
            }
        }
    }

}
