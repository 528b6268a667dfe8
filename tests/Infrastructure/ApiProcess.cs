using System.Diagnostics;

namespace PetitionGraph.Tests.Infrastructure;

/// <summary>The service's own program run as a separate process, as a person runs it: exit status and what it printed.</summary>
public static class ApiProcess
{
    public sealed record Outcome(int ExitCode, string Output, string Error)
    {
        public string All => Output + Error;
    }

    public static async Task<Outcome> RunAsync(string workingDirectory, IReadOnlyDictionary<string, string>? environment, params string[] args)
    {
        var info = StartInfo(workingDirectory, environment, args);
        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"dotnet PetitionGraph.Api.dll {string.Join(' ', args)} ran for two minutes.");
        }
        try
        {
            // The output ends when the process and everything it started have let go of it.
            return new Outcome(process.ExitCode, await output.WaitAsync(TimeSpan.FromSeconds(30)), await error.WaitAsync(TimeSpan.FromSeconds(30)));
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"dotnet PetitionGraph.Api.dll {string.Join(' ', args)} exited, but a process it started still holds its output.");
        }
    }

    /// <summary>Starts the service as a server on a free loopback port and waits until it is ready; kill it to stop it.</summary>
    public static async Task<(Process Process, Uri Address)> StartServerAsync(string workingDirectory, IReadOnlyDictionary<string, string> environment)
    {
        var port = FreePort();
        var info = StartInfo(workingDirectory, new Dictionary<string, string>(environment) { ["Urls"] = $"http://127.0.0.1:{port}" }, []);
        var process = Process.Start(info)!;
        var log = Path.Combine(workingDirectory, $"server-{process.Id}.log");
        process.OutputDataReceived += (_, e) => { lock (info) { File.AppendAllText(log, e.Data + "\n"); } };
        process.ErrorDataReceived += (_, e) => { lock (info) { File.AppendAllText(log, e.Data + "\n"); } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var address = new Uri($"http://127.0.0.1:{port}");
        using var http = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(2) };
        var until = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < until)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"The service exited with {process.ExitCode} on start.");
            }
            try
            {
                if ((await http.GetAsync("/readyz")).IsSuccessStatusCode)
                {
                    return (process, address);
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }
            await Task.Delay(200);
        }
        process.Kill(entireProcessTree: true);
        throw new TimeoutException("The service was not ready within 60 s.");
    }

    /// <summary>The published program, in production mode with quiet logs, plus the caller's settings.</summary>
    private static ProcessStartInfo StartInfo(string workingDirectory, IReadOnlyDictionary<string, string>? environment, string[] args)
    {
        var info = new ProcessStartInfo("dotnet") { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "PetitionGraph.Api.dll"));
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }
        info.Environment["DOTNET_ENVIRONMENT"] = "Production";
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        info.Environment["Logging__LogLevel__Default"] = "Warning";
        info.Environment["Startup__WarmUp"] = "false";
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            info.Environment[key] = value;
        }
        return info;
    }

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }
}
