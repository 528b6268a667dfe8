using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Npgsql;

namespace PetitionGraph.Bench;

/// <summary>One statement the API sent, as the server logged it (possibly several times), with its parameters.</summary>
public sealed record LoggedStatement(string Sql, IReadOnlyDictionary<int, string> Parameters)
{
    public List<double> ExecuteMs { get; } = [];
    /// <summary>Parse and bind (planning happens at bind for unnamed statements).</summary>
    public List<double> PrepareMs { get; } = [];
}

/// <summary>
/// Captures the SQL that a request makes the API send: turns on <c>log_min_duration_statement = 0</c> on the bench
/// server (ALTER SYSTEM + reload, reset afterwards), runs the request, reads the new part of the server log, and
/// replays every statement under <c>EXPLAIN (ANALYZE, BUFFERS)</c> with its logged parameters as literals.
/// Only for the throw-away bench server that bench/start-postgres.sh starts.
/// </summary>
public sealed partial class StatementCapture(NpgsqlDataSource dataSource, string logPath)
{
    public async Task<List<LoggedStatement>> CaptureAsync(Func<Task> request, int times)
    {
        var offset = new FileInfo(logPath).Length;
        await ExecuteAsync("ALTER SYSTEM SET log_min_duration_statement = 0");
        await ExecuteAsync("SELECT pg_reload_conf()");
        await Task.Delay(500); // backends pick the reload up at their next command
        try
        {
            for (var i = 0; i < times; i++)
            {
                await request();
            }
        }
        finally
        {
            await ExecuteAsync("ALTER SYSTEM RESET log_min_duration_statement");
            await ExecuteAsync("SELECT pg_reload_conf()");
        }
        await Task.Delay(500);
        return Parse(ReadFrom(offset));
    }

    public async Task ExplainAsync(List<LoggedStatement> statements, string outFile, TextWriter output, string label, Options options, string kind)
    {
        var plans = new StringBuilder();
        var total = statements.Sum(s => Median(s.ExecuteMs) + Median(s.PrepareMs));
        output.WriteLine(FormattableString.Invariant(
            $"[{label}] the API's statements, as logged by PostgreSQL (median of the captured runs; sum {total:F1} ms), slowest first:"));
        output.WriteLine("     #  execute ms  parse+bind ms  EXPLAIN ANALYZE ms  statement");
        var rows = new List<(int Index, LoggedStatement Statement, double Explain)>();
        for (var i = 0; i < statements.Count; i++)
        {
            var s = statements[i];
            var sql = Substitute(s.Sql, s.Parameters);
            string plan;
            double executionMs = double.NaN;
            if (!ReadOnly().IsMatch(s.Sql))
            {
                // EXPLAIN ANALYZE runs the statement: only queries are replayed.
                plan = "(not replayed: not a query)";
            }
            else
            {
                try
                {
                    await using var connection = await dataSource.OpenConnectionAsync();
                    await using var transaction = await connection.BeginTransactionAsync();
                    await using var command = new NpgsqlCommand("EXPLAIN (ANALYZE, BUFFERS) " + sql, connection, transaction) { CommandTimeout = 300 };
                    var lines = new List<string>();
                    await using (var reader = await command.ExecuteReaderAsync())
                    {
                        while (await reader.ReadAsync())
                        {
                            lines.Add(reader.GetString(0));
                        }
                    }
                    await transaction.RollbackAsync();
                    plan = string.Join('\n', lines);
                    var m = ExecutionTime().Match(plan);
                    if (m.Success)
                    {
                        executionMs = double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
                    }
                }
                catch (PostgresException e)
                {
                    plan = "(EXPLAIN failed: " + e.MessageText + ")";
                }
            }
            rows.Add((i + 1, s, executionMs));
            plans.Append(CultureInfo.InvariantCulture,
                $"-- #{i + 1}: execute median {Median(s.ExecuteMs):F1} ms, parse+bind {Median(s.PrepareMs):F1} ms (n={s.ExecuteMs.Count})\n{s.Sql}\n");
            if (s.Parameters.Count > 0)
            {
                plans.Append("-- parameters: ").AppendJoin(", ", s.Parameters.OrderBy(p => p.Key).Select(p => $"${p.Key} = {p.Value}")).Append('\n');
            }
            plans.Append(plan).Append("\n\n");
        }
        foreach (var (index, s, explain) in rows.OrderByDescending(r => Median(r.Statement.ExecuteMs)))
        {
            output.WriteLine(FormattableString.Invariant(
                $"    {index,2}  {Median(s.ExecuteMs),10:F1}  {Median(s.PrepareMs),13:F1}  {(double.IsNaN(explain) ? "-" : explain.ToString("F1", CultureInfo.InvariantCulture)),18}  {Describe(s.Sql)}"));
            Results.Append(options, kind, label, index, Median(s.ExecuteMs), Median(s.PrepareMs), double.IsNaN(explain) ? "-" : explain, Describe(s.Sql));
        }
        if (outFile.Length > 0)
        {
            await File.WriteAllTextAsync(outFile, plans.ToString());
            output.WriteLine($"[{label}] plans: {outFile}");
        }
    }

    /// <summary>The tables a statement reads, e.g. "petitions, cases".</summary>
    public static string Describe(string sql)
    {
        var tables = TableReference().Matches(sql).Select(m => m.Groups[1].Value).Distinct().ToList();
        var flat = Whitespace().Replace(sql, " ").Trim();
        return $"[{string.Join(", ", tables)}] {(flat.Length > 90 ? flat[..90] + "…" : flat)}";
    }

    private static double Median(List<double> values) =>
        values.Count == 0 ? 0 : Summary.Percentile(values.Order().ToArray(), 0.5);

    private async Task ExecuteAsync(string sql)
    {
        await using var command = dataSource.CreateCommand(sql);
        await command.ExecuteNonQueryAsync();
    }

    private string ReadFrom(long offset)
    {
        using var stream = new FileStream(logPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        stream.Seek(offset, SeekOrigin.Begin);
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }

    /// <summary>
    /// Entries look like "2026-11-27 13:31:07.276 UTC [7693] LOG:  duration: 1.234 ms  execute &lt;unnamed&gt;: SELECT …",
    /// continued on lines that start with a tab, and followed by "… [7693] DETAIL:  parameters: $1 = '…', $2 = '…'".
    /// </summary>
    private static List<LoggedStatement> Parse(string log)
    {
        var entries = new List<(int Pid, string Level, string Text)>();
        foreach (var line in log.Split('\n'))
        {
            if (line.StartsWith('\t') && entries.Count > 0)
            {
                var last = entries[^1];
                entries[^1] = (last.Pid, last.Level, last.Text + "\n" + line[1..]);
            }
            else if (EntryStart().Match(line) is { Success: true } m)
            {
                entries.Add((int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture), m.Groups[2].Value, m.Groups[3].Value));
            }
        }

        var byKey = new Dictionary<string, LoggedStatement>();
        var ordered = new List<LoggedStatement>();
        var pending = new Dictionary<int, double>();
        for (var i = 0; i < entries.Count; i++)
        {
            var (pid, level, text) = entries[i];
            if (level != "LOG" || Duration().Match(text) is not { Success: true } d)
            {
                continue;
            }
            var ms = double.Parse(d.Groups[1].Value, CultureInfo.InvariantCulture);
            var phase = d.Groups[2].Value;
            var sql = d.Groups[3].Value.Trim();
            if (phase is "parse" or "bind")
            {
                pending[pid] = pending.GetValueOrDefault(pid) + ms;
                continue;
            }
            if (phase is not ("execute" or "statement") || sql.StartsWith("ALTER SYSTEM", StringComparison.Ordinal)
                || sql.Contains("pg_reload_conf", StringComparison.Ordinal) || sql.StartsWith("DISCARD ALL", StringComparison.Ordinal))
            {
                continue;
            }
            var parameters = new Dictionary<int, string>();
            if (i + 1 < entries.Count && entries[i + 1].Pid == pid && entries[i + 1].Level == "DETAIL"
                && entries[i + 1].Text.StartsWith("parameters:", StringComparison.OrdinalIgnoreCase))
            {
                foreach (Match p in Parameter().Matches(entries[i + 1].Text))
                {
                    parameters[int.Parse(p.Groups[1].Value, CultureInfo.InvariantCulture)] = p.Groups[2].Value;
                }
            }
            var key = sql + "\u0001" + string.Join(",", parameters.OrderBy(p => p.Key).Select(p => p.Value));
            if (!byKey.TryGetValue(key, out var statement))
            {
                byKey[key] = statement = new LoggedStatement(sql, parameters);
                ordered.Add(statement);
            }
            statement.ExecuteMs.Add(ms);
            statement.PrepareMs.Add(pending.GetValueOrDefault(pid));
            pending.Remove(pid);
        }
        return ordered;
    }

    /// <summary>$n → its logged literal ('…' or NULL), in one pass so that $1 never eats $10.</summary>
    private static string Substitute(string sql, IReadOnlyDictionary<int, string> parameters) =>
        ParameterReference().Replace(sql, m => parameters.TryGetValue(int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture), out var v) ? v : m.Value);

    [GeneratedRegex(@"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d(?:\.\d+)? \S+ \[(\d+)\] (\w+):  (.*)$")]
    private static partial Regex EntryStart();

    [GeneratedRegex(@"^duration: ([\d.]+) ms  (parse|bind|execute|statement)[^:]*: (.*)$", RegexOptions.Singleline)]
    private static partial Regex Duration();

    [GeneratedRegex(@"\$(\d+) = ('(?:[^']|'')*'|NULL)")]
    private static partial Regex Parameter();

    [GeneratedRegex(@"\$(\d+)\b")]
    private static partial Regex ParameterReference();

    [GeneratedRegex(@"^\s*(SELECT|WITH)\b", RegexOptions.IgnoreCase)]
    private static partial Regex ReadOnly();

    [GeneratedRegex(@"Execution Time: ([\d.]+) ms")]
    private static partial Regex ExecutionTime();

    [GeneratedRegex(@"\b(?:FROM|JOIN)\s+""?([a-z_]+)""?", RegexOptions.IgnoreCase)]
    private static partial Regex TableReference();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
