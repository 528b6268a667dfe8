using System.Diagnostics;

namespace PetitionGraph.Tests.Infrastructure;

/// <summary>
/// One folder for everything a test run writes (SQLite files, sheets, reports, the throwaway PostgreSQL cluster),
/// gone when the run ends — also when it is killed: a detached watchdog waits for the test process to end, then
/// stops the cluster if one runs and deletes the folder. A full run leaves no server and no folder behind.
/// </summary>
public static class TestRunFolder
{
    private static readonly Lazy<string> Folder = new(Create, LazyThreadSafetyMode.ExecutionAndPublication);

    public static string Path => Folder.Value;

    /// <summary>A new path inside the run's folder (not created).</summary>
    public static string NewPath(string prefix, string extension = "") =>
        System.IO.Path.Combine(Path, $"{prefix}-{Guid.NewGuid():N}{extension}");

    /// <summary>Where the cluster's stop command is kept for the watchdog: the line "BIN DATA AS_ROOT".</summary>
    public static string PostgresStopFile => System.IO.Path.Combine(Path, "postgres-stop");

    private static string Create()
    {
        var folder = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"petitiongraph-tests-{Environment.ProcessId}");
        Directory.CreateDirectory(folder);
        if (!OperatingSystem.IsWindows())
        {
            // The cluster inside belongs to the postgres user, who must be able to pass through.
            File.SetUnixFileMode(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute);
            StartWatchdog(folder);
        }
        AppDomain.CurrentDomain.ProcessExit += (_, _) => Cleanup(folder);
        return folder;
    }

    /// <summary>At the end of a run that ends normally: stop the cluster, then delete the folder.</summary>
    private static void Cleanup(string folder)
    {
        try
        {
            var stop = System.IO.Path.Combine(folder, "postgres-stop");
            if (File.Exists(stop) && File.ReadAllText(stop).Split(' ', StringSplitOptions.TrimEntries) is [var bin, var data, var asRoot]
                && File.Exists(System.IO.Path.Combine(data, "postmaster.pid")))
            {
                var pgCtl = System.IO.Path.Combine(bin, "pg_ctl");
                var info = asRoot == "yes" ? new ProcessStartInfo("runuser") : new ProcessStartInfo(pgCtl);
                foreach (var arg in (asRoot == "yes" ? new[] { "-u", "postgres", "--", pgCtl } : []).Concat(["-D", data, "-m", "immediate", "stop"]))
                {
                    info.ArgumentList.Add(arg);
                }
                info.RedirectStandardOutput = info.RedirectStandardError = true;
                using var process = Process.Start(info)!;
                process.WaitForExit(30_000);
            }
            Directory.Delete(folder, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.ComponentModel.Win32Exception)
        {
            // The watchdog finishes the job a second after this process has gone.
        }
    }

    private static void StartWatchdog(string folder)
    {
        var script = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"petitiongraph-tests-{Environment.ProcessId}.sh");
        File.WriteAllText(script, $$"""
            #!/bin/sh
            # Removes what the test run {{Environment.ProcessId}} left behind once that process has ended, however it ended.
            while kill -0 {{Environment.ProcessId}} 2>/dev/null; do sleep 1; done
            if [ -f '{{folder}}/postgres-stop' ]; then
              read bin data asroot < '{{folder}}/postgres-stop'
              if [ -f "$data/postmaster.pid" ]; then
                if [ "$asroot" = yes ]; then runuser -u postgres -- "$bin/pg_ctl" -D "$data" -m immediate stop; else "$bin/pg_ctl" -D "$data" -m immediate stop; fi
              fi
            fi
            rm -rf '{{folder}}' '{{script}}'
            """);
        var info = new ProcessStartInfo("setsid") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { "sh", script })
        {
            info.ArgumentList.Add(arg);
        }
        using var watchdog = Process.Start(info);
    }
}
