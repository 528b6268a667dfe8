using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using MimeKit;

namespace PetitionGraph.Tests.Infrastructure;

/// <summary>
/// A real SMTP server on loopback for the mail tests: Debian's aiosmtpd, started like the PostgreSQL server. It keeps
/// every message it accepts as a file, and refuses any recipient whose local part ends in ".reject" (550), so a test
/// can watch a delivery fail for good. The server ends with the test process, also when the run is killed.
/// </summary>
public sealed class SmtpServer : IDisposable
{
    private const string Script = """
        import itertools, os, sys, time
        from aiosmtpd.controller import Controller
        folder, port = sys.argv[1], int(sys.argv[2])
        counter = itertools.count(1)
        class Keep:
            async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
                if address.split('@')[0].endswith('.reject'):
                    return '550 5.1.1 Mailbox unavailable'
                envelope.rcpt_tos.append(address)
                return '250 OK'
            async def handle_DATA(self, server, session, envelope):
                n = next(counter)
                with open(os.path.join(folder, f'{n}.rcpt'), 'w') as f:
                    f.write('\n'.join(envelope.rcpt_tos))
                with open(os.path.join(folder, f'{n}.tmp'), 'wb') as f:
                    f.write(envelope.original_content)
                os.rename(os.path.join(folder, f'{n}.tmp'), os.path.join(folder, f'{n}.eml'))
                return '250 Message accepted'
        controller = Controller(Keep(), hostname='127.0.0.1', port=port)
        controller.start()
        print('ready', flush=True)
        parent = os.getppid()
        while os.getppid() == parent:
            time.sleep(0.5)
        controller.stop()
        """;

    private readonly Process _process;
    private readonly TempFolder _folder = new();

    public int Port { get; }

    /// <summary>One message as received: its envelope recipients and the parsed message.</summary>
    public sealed record Received(IReadOnlyList<string> Recipients, MimeMessage Message);

    public SmtpServer()
    {
        Port = FreePort();
        var python = new[] { "/usr/bin/python3", "python3" }.FirstOrDefault(HasAiosmtpd)
            ?? throw new InvalidOperationException("No SMTP server for the mail tests: install Debian's python3-aiosmtpd (apt-get install python3-aiosmtpd).");
        var info = new ProcessStartInfo(python) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { "-c", Script, _folder.Path, Port.ToString(System.Globalization.CultureInfo.InvariantCulture) })
        {
            info.ArgumentList.Add(arg);
        }
        _process = Process.Start(info)!;
        var ready = _process.StandardOutput.ReadLineAsync();
        if (!ready.Wait(TimeSpan.FromSeconds(30)) || ready.Result != "ready")
        {
            _process.Kill(entireProcessTree: true);
            throw new InvalidOperationException($"aiosmtpd did not start: {_process.StandardError.ReadToEnd()}");
        }
    }

    /// <summary>Every message received so far, in order.</summary>
    public IReadOnlyList<Received> Messages() =>
        [.. Directory.GetFiles(_folder.Path, "*.eml")
            .OrderBy(f => int.Parse(Path.GetFileNameWithoutExtension(f), System.Globalization.CultureInfo.InvariantCulture))
            .Select(f => new Received(File.ReadAllLines(Path.ChangeExtension(f, ".rcpt")), MimeMessage.Load(f)))];

    /// <summary>Waits until at least <paramref name="count"/> messages arrived (or 60 s passed), then returns them all.</summary>
    public async Task<IReadOnlyList<Received>> WaitForAsync(int count)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (Messages() is var messages && messages.Count < count && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
        }
        return Messages();
    }

    public IReadOnlyDictionary<string, string?> Settings(IReadOnlyDictionary<string, string>? mailboxes = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Mail:Host"] = "127.0.0.1",
            ["Mail:Port"] = Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Mail:Security"] = "None",
            ["Mail:Sender"] = "示范镇信访办 <reports@town.example>",
        };
        foreach (var (role, address) in mailboxes ?? new Dictionary<string, string>())
        {
            settings[$"Mail:Mailboxes:{role}"] = address;
        }
        return settings;
    }

    private static bool HasAiosmtpd(string python)
    {
        try
        {
            using var check = Process.Start(new ProcessStartInfo(python, ["-c", "import aiosmtpd"]) { RedirectStandardError = true, UseShellExecute = false })!;
            check.WaitForExit();
            return check.ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false;
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }
        _process.Dispose();
        _folder.Dispose();
    }
}
