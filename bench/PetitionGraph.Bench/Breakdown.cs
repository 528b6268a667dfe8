using System.Diagnostics;
using Npgsql;

namespace PetitionGraph.Bench;

/// <summary>
/// Where PetitionGraph's time goes: the five statements it sends for the benchmark query (copied from its
/// EF Core command log), replayed sequentially through Npgsql: with every column (as EF Core reads entities), with
/// only the columns the query needs, and without the two reference-data lookups; and an empty GraphQL request
/// (<c>{ __typename }</c>) for the HTTP floor.
/// </summary>
public static class Breakdown
{
    private static readonly string[] Wide =
    [
        "SELECT c.* FROM cases AS c ORDER BY c.opened_at DESC, c.id LIMIT 101",
        "SELECT c.* FROM categories AS c WHERE c.id = ANY (@categories)",
        "SELECT v.* FROM villages AS v WHERE v.id = ANY (@villages)",
        "SELECT c.case_id, p.* FROM case_petitioners AS c " +
            "JOIN petitioners AS p ON c.petitioner_id = p.id WHERE c.case_id = ANY (@cases) ORDER BY c.petitioner_id",
        "SELECT l.case_id, l0.* FROM leader_assignments AS l " +
            "JOIN leaders AS l0 ON l.leader_id = l0.id WHERE l.case_id = ANY (@cases) AND (l.valid_to IS NULL OR l.valid_to > now()) " +
            "ORDER BY l.role, l.valid_from, l.id",
    ];

    private static readonly string[] Narrow =
    [
        "SELECT c.id, c.number, c.title, c.status, c.opened_at, c.category_id, c.village_id FROM cases AS c ORDER BY c.opened_at DESC, c.id LIMIT 101",
        "SELECT c.id, c.code, c.name_zh FROM categories AS c WHERE c.id = ANY (@categories)",
        "SELECT v.id, v.name FROM villages AS v WHERE v.id = ANY (@villages)",
        "SELECT c.case_id, p.name FROM case_petitioners AS c JOIN petitioners AS p ON c.petitioner_id = p.id " +
            "WHERE c.case_id = ANY (@cases) ORDER BY c.petitioner_id",
        "SELECT l.case_id, l0.name, l0.title FROM leader_assignments AS l JOIN leaders AS l0 ON l.leader_id = l0.id " +
            "WHERE l.case_id = ANY (@cases) AND (l.valid_to IS NULL OR l.valid_to > now()) ORDER BY l.role, l.valid_from, l.id",
    ];

    public static async Task<int> RunAsync(Options options)
    {
        var label = options.Get("label", "");
        var runs = options.GetInt("runs", 300);
        await using var dataSource = NpgsqlDataSource.Create(options.Get("postgres"));
        using var empty = new GraphQLClient(options.GetLocalUri("graphql"), "{ __typename }", bearerToken: options.Get("token", ""));
        var wide = await MeasureAsync(() => ReplayAsync(dataSource, Wide), runs);
        var narrow = await MeasureAsync(() => ReplayAsync(dataSource, Narrow), runs);
        // Categories and villages are small reference tables: with them cached in memory, three statements remain.
        var cached = await MeasureAsync(() => ReplayAsync(dataSource, [Narrow[0], Narrow[3], Narrow[4]]), runs);
        var http = await MeasureAsync(() => empty.PostAsync(), runs);
        Console.WriteLine($"[{label}] API's 5 statements, all columns:    {wide}");
        Console.WriteLine($"[{label}] same 5 statements, needed columns: {narrow}");
        Console.WriteLine($"[{label}] needed columns, reference cached:  {cached}");
        Console.WriteLine($"[{label}] empty GraphQL request over HTTP:   {http}");
        Results.Append(options, "breakdown", label, wide.Median, narrow.Median, cached.Median, http.Median);
        return 0;
    }

    /// <summary>Runs the statements one after another, feeding the page's keys to the loaders, and reads every value.</summary>
    private static async Task ReplayAsync(NpgsqlDataSource dataSource, string[] statements)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        List<int> cases = [], categories = [], villages = [];
        await using (var page = await new NpgsqlCommand(statements[0], connection).ExecuteReaderAsync())
        {
            var category = page.GetOrdinal("category_id");
            var village = page.GetOrdinal("village_id");
            while (await page.ReadAsync())
            {
                cases.Add(page.GetInt32(0));
                categories.Add(page.GetInt32(category));
                villages.Add(page.GetInt32(village));
                ReadAll(page);
            }
        }
        foreach (var sql in statements.Skip(1))
        {
            await using var command = new NpgsqlCommand(sql, connection);
            command.Parameters.AddWithValue("cases", cases.ToArray());
            command.Parameters.AddWithValue("categories", categories.Distinct().ToArray());
            command.Parameters.AddWithValue("villages", villages.Distinct().ToArray());
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                ReadAll(reader);
            }
        }
    }

    private static void ReadAll(NpgsqlDataReader reader)
    {
        for (var i = 0; i < reader.FieldCount; i++)
        {
            _ = reader.IsDBNull(i) ? null : reader.GetValue(i);
        }
    }

    private static async Task<Stats> MeasureAsync(Func<Task> action, int runs)
    {
        var times = new List<double>(runs);
        for (var i = 0; i < runs + 20; i++)
        {
            var start = Stopwatch.GetTimestamp();
            await action();
            if (i >= 20)
            {
                times.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            }
        }
        return Stats.Of(times);
    }
}
