using System.Net;
using System.Text.RegularExpressions;
using PetitionGraph.Api.Access;
using PetitionGraph.Api.Cli;
using PetitionGraph.Tests.Infrastructure;

namespace PetitionGraph.Tests.Language;

/// <summary>
/// Messages in the office's language: Chinese by default, English when Accept-Language prefers it (the command line:
/// --lang en) — for refusals (userErrors), request errors (our own and GraphQL.NET's), role refusals, HTTP-level
/// errors and the command line. The code never changes with the language.
/// </summary>
public abstract partial class LanguageTests(TestHost host)
{
    [Theory]
    [InlineData(null, "zh")]
    [InlineData("en", "en")]
    [InlineData("en-US,en;q=0.9", "en")]
    [InlineData("zh-CN,zh;q=0.9,en;q=0.8", "zh")]
    [InlineData("fr, en;q=0.5", "en")]
    [InlineData("en;q=0.3, zh;q=0.7", "zh")]
    [InlineData("*", "zh")]
    public async Task A_refusal_speaks_the_requests_language_with_the_same_code(string? acceptLanguage, string expected)
    {
        var client = Client(Role.Admin, acceptLanguage);
        var refused = await client.PostAsync("""mutation { createVillage(input: { code: "9901001", name: "重复", kind: VILLAGE }) { userErrors { code message } } }""");
        var error = refused.Data.GetProperty("createVillage").GetProperty("userErrors")[0];
        Assert.Equal("CONFLICT", error.GetProperty("code").GetString());
        AssertLanguage(expected, error.GetProperty("message").GetString()!);
    }

    [Fact]
    public async Task Request_errors_role_refusals_and_the_library_s_own_errors_are_in_chinese_by_default()
    {
        var chinese = Client(Role.Analyst, null);
        var english = Client(Role.Analyst, "en");
        foreach (var (query, code) in new[]
        {
            ("{ cases(first: 100000) { totalCount } }", "PAGE_SIZE"),
            ("""{ node(id: "not-an-id") { id } }""", "INVALID_ID"),
            ("""mutation { createVillage(input: { code: "X1", name: "某村", kind: VILLAGE }) { userErrors { code } } }""", "FORBIDDEN"),
            ("{ cases { nodes { noSuchField } } }", "FIELDS_ON_CORRECT_TYPE"),
            ("{ cases(first: ", "SYNTAX_ERROR"),
        })
        {
            var zh = await chinese.PostAsync(query);
            var en = await english.PostAsync(query);
            Assert.Equal([code], zh.ErrorCodes);
            Assert.Equal([code], en.ErrorCodes);
            AssertLanguage("zh", zh.FirstErrorMessage);
            AssertLanguage("en", en.FirstErrorMessage);
        }
        // GraphQL.NET's own messages exist in English only: in Chinese they are led by what kind of mistake it is.
        Assert.StartsWith("查询了不存在的字段：", (await chinese.PostAsync("{ cases { nodes { noSuchField } } }")).FirstErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_http_level_refusal_is_in_the_requests_language_too()
    {
        foreach (var (lang, expected) in new[] { ((string?)null, "zh"), ("en", "en") })
        {
            using var http = new HttpClient { BaseAddress = host.BaseAddress };
            if (lang is not null)
            {
                http.DefaultRequestHeaders.AcceptLanguage.ParseAdd(lang);
            }
            var response = await new GraphQLClient(http).PostAsync("{ __typename }");
            Assert.Equal(HttpStatusCode.Unauthorized, response.Status);
            Assert.Equal(["UNAUTHENTICATED"], response.ErrorCodes);
            AssertLanguage(expected, response.FirstErrorMessage);
        }
    }

    [Theory]
    [InlineData(new[] { "seed", "--cases", "abc" }, "--cases 须为整数，收到的是“abc”。", "--cases takes a whole number; got 'abc'.")]
    [InlineData(new[] { "report", "no-such-report", "--period", "2026-09" }, "未知报表“no-such-report”", "Unknown report 'no-such-report'")]
    [InlineData(new[] { "help" }, "用法：dotnet run --project api", "Usage: dotnet run --project api")]
    [InlineData(new[] { "purge", "--resolved-before", "2099-01-01", "--dry-run" }, "--resolved-before 是将来的日期", "--resolved-before lies in the future")]
    public async Task The_command_line_answers_in_chinese_and_with_lang_en_in_english(string[] args, string chinese, string english)
    {
        var zh = new StringWriter();
        await CliVerbs.RunAsync(host.Services, new CliArguments(args), zh, CancellationToken.None);
        Assert.Contains(chinese, zh.ToString(), StringComparison.Ordinal);
        var en = new StringWriter();
        await CliVerbs.RunAsync(host.Services, new CliArguments([.. args, "--lang", "en"]), en, CancellationToken.None);
        Assert.Contains(english, en.ToString(), StringComparison.Ordinal);
    }

    /// <summary>
    /// Every two-language message in the code has Chinese first (it holds CJK characters) and English second (it holds
    /// none): a message written the wrong way round, or left untranslated, fails here.
    /// </summary>
    [Fact]
    public void Every_message_in_the_code_has_its_chinese_and_its_english()
    {
        var files = Directory.EnumerateFiles(Path.Combine(RepositoryRoot.Path, "api"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal));
        var wrong = new List<string>();
        var count = 0;
        foreach (var file in files)
        {
            foreach (Match m in MsgPattern().Matches(File.ReadAllText(file)))
            {
                count++;
                var (zh, en) = (m.Groups["zh"].Value, m.Groups["en"].Value);
                // Apollo's persisted-query wording is a protocol token its clients look for, the same in every language.
                if (zh == en && zh is "PersistedQueryNotFound" or "provided sha does not match query")
                {
                    continue;
                }
                // Chinese first (it has CJK characters), English second (it has English words); never the same text twice.
                if (!Cjk().IsMatch(zh) || !EnglishWord().IsMatch(Regex.Replace(en, "\\{[^}]*\\}", "")) || zh == en)
                {
                    wrong.Add($"{Path.GetFileName(file)}: \"{zh}\" / \"{en}\"");
                }
            }
        }
        Assert.True(count > 150, $"only {count} messages found: is the pattern still right?");
        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
    }

    [GeneratedRegex(@"new (?:Language\.)?Msg\(\s*\$?""(?<zh>(?:[^""\\]|\\.)*)""\s*,\s*\$?""(?<en>(?:[^""\\]|\\.)*)""")]
    private static partial Regex MsgPattern();

    [GeneratedRegex(@"[\u4e00-\u9fff]")]
    private static partial Regex Cjk();

    [GeneratedRegex(@"\b[A-Za-z]{3,}\b")]
    private static partial Regex EnglishWord();

    private static void AssertLanguage(string expected, string message)
    {
        if (expected == "zh")
        {
            Assert.Matches(Cjk(), message);
        }
        else
        {
            Assert.DoesNotMatch(Cjk(), Regex.Replace(message, "[“”]", ""));
        }
    }

    private GraphQLClient Client(Role role, string? acceptLanguage)
    {
        var client = host.ClientAs(role, "lang-" + role);
        client.Http.DefaultRequestHeaders.AcceptLanguage.Clear();
        if (acceptLanguage is not null)
        {
            client.Http.DefaultRequestHeaders.AcceptLanguage.ParseAdd(acceptLanguage);
        }
        return client;
    }
}

[Collection(SqliteCollection.Name)]
public sealed class LanguageTestsOnSqlite(SqliteHost host) : LanguageTests(host);

[Collection(PostgresCollection.Name)]
public sealed class LanguageTestsOnPostgres(PostgresHost host) : LanguageTests(host);
