using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace PetitionGraph.Tests.Infrastructure;

/// <summary>
/// A real PostgreSQL for the tests: the server named by PETITIONGRAPH_TEST_POSTGRES (a connection string with
/// rights to create databases), or else a throwaway server started from the local binaries for this test run.
/// When neither can be had the tests fail (they never silently skip PostgreSQL).
/// </summary>
public static class PostgresServer
{
    private static readonly Lazy<string> Admin = new(Start, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>Creates an empty database and returns its connection string.</summary>
    public static async Task<string> CreateDatabaseAsync(string prefix)
    {
        var name = $"{prefix}_{Guid.NewGuid():N}"[..Math.Min(prefix.Length + 33, 63)];
        await using (var connection = new NpgsqlConnection(Admin.Value))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await create.ExecuteNonQueryAsync();
        }
        return new NpgsqlConnectionStringBuilder(Admin.Value) { Database = name, Pooling = true }.ConnectionString;
    }

    private static string Start()
    {
        var configured = Environment.GetEnvironmentVariable("PETITIONGRAPH_TEST_POSTGRES");
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return configured;
        }
        var bin = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").Select(d => System.IO.Path.Combine(d, "bin"))
                .Where(d => File.Exists(System.IO.Path.Combine(d, "initdb"))).OrderDescending().FirstOrDefault()
            : null;
        if (bin is null)
        {
            throw new InvalidOperationException(
                "No PostgreSQL for the tests: set PETITIONGRAPH_TEST_POSTGRES or install PostgreSQL server binaries (/usr/lib/postgresql/*/bin).");
        }
        return new ThrowawayCluster(bin).Start();
    }

    private sealed class ThrowawayCluster(string bin)
    {
        private const string Password = "petitiongraph-test";
        private readonly string _dir = Directory.CreateDirectory(System.IO.Path.Combine(TestRunFolder.Path, "postgres")).FullName;
        private readonly bool _asRoot = Environment.UserName == "root";

        public string Start()
        {
            var data = System.IO.Path.Combine(_dir, "data");
            var pwfile = System.IO.Path.Combine(_dir, "pwfile");
            File.WriteAllText(pwfile, Password);
            if (_asRoot)
            {
                // initdb and postgres refuse to run as root: the cluster belongs to the postgres user.
                Run("chown", ["-R", "postgres:postgres", _dir]);
            }
            Pg("initdb", ["-D", data, "-U", "postgres", "--auth-host=scram-sha-256", "--auth-local=trust", "--pwfile=" + pwfile, "-E", "UTF8", "--locale=C.UTF-8"]);
            // Before the server starts: a run killed from here on still has its cluster stopped by the watchdog.
            File.WriteAllText(TestRunFolder.PostgresStopFile, $"{bin} {data} {(_asRoot ? "yes" : "no")}\n");
            var port = FreePort();
            Pg("pg_ctl", ["-D", data, "-l", System.IO.Path.Combine(_dir, "server.log"), "-w", "-t", "60", "start", "-o",
                $"-p {port} -c listen_addresses=127.0.0.1 -k {_dir} -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200"]);
            Console.Error.WriteLine($"PostgreSQL for the tests: a throwaway server on port {port} in {_dir}, stopped when the run ends (TestRunFolder).");
            return $"Host=127.0.0.1;Port={port};Username=postgres;Password={Password};Database=postgres;Include Error Detail=true";
        }

        private void Pg(string tool, string[] args)
        {
            var path = System.IO.Path.Combine(bin, tool);
            if (_asRoot)
            {
                Run("runuser", ["-u", "postgres", "--", path, .. args]);
            }
            else
            {
                Run(path, args);
            }
        }

        private void Run(string file, string[] args)
        {
            var info = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = _dir };
            foreach (var arg in args)
            {
                info.ArgumentList.Add(arg);
            }
            using var process = Process.Start(info)!;
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            process.WaitForExit();
            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException($"{file} {string.Join(' ', args)} failed ({process.ExitCode}): {stderr.Result}{stdout.Result}");
            }
        }

        private static int FreePort()
        {
            using var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            return ((IPEndPoint)listener.LocalEndpoint).Port;
        }
    }
}
