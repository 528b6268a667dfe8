using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;
using PetitionGraph.Api.Access;

namespace PetitionGraph.Api.Reports.Mail;

/// <summary>
/// Configuration section <c>Mail</c>: the SMTP server scheduled reports are mailed through. Without a host nothing is
/// mailed (subscriptions can still be kept); the start-up log says so when there are subscriptions.
/// </summary>
public sealed record MailOptions
{
    /// <summary>SMTP server; empty: mail is off.</summary>
    public string? Host { get; init; }
    public int Port { get; init; } = 25;
    /// <summary>None, Auto, StartTls, StartTlsWhenAvailable or SslOnConnect (MailKit's SecureSocketOptions).</summary>
    public SecureSocketOptions Security { get; init; } = SecureSocketOptions.StartTlsWhenAvailable;
    public string? User { get; init; }
    public string? Password { get; init; }
    public string Sender { get; init; } = "示范镇信访办 <reports@town.example>";
    /// <summary>Each role's mailbox, for subscriptions made "by role" (e.g. OFFICE: the office's shared address). ADMIN's is told about failures.</summary>
    public IReadOnlyDictionary<string, string> Mailboxes { get; init; } = new Dictionary<string, string>();
    /// <summary>Where links in a message point (e.g. https://xfb.town.example); no links when empty.</summary>
    public string? BaseUrl { get; init; }
    public int MaxAttempts { get; init; } = 5;
    /// <summary>First retry after this long, doubling each time.</summary>
    public int RetrySeconds { get; init; } = 60;
    public int TimeoutSeconds { get; init; } = 60;

    public bool Enabled => !string.IsNullOrWhiteSpace(Host);

    /// <summary>When a message that failed its <paramref name="attempts"/>-th attempt is tried again: RetrySeconds, doubling each time.</summary>
    public DateTime RetryAt(DateTime now, int attempts) => now.AddSeconds(RetrySeconds * Math.Pow(2, attempts - 1));

    /// <summary>The configured mailbox of a role, or null.</summary>
    public string? MailboxOf(Role role) =>
        Mailboxes.FirstOrDefault(m => string.Equals(m.Key, Data.EnumNames.Name(role), StringComparison.OrdinalIgnoreCase)
            || string.Equals(m.Key, role.ToString(), StringComparison.OrdinalIgnoreCase)).Value is { Length: > 0 } address ? address : null;

    /// <summary>A bare address (name@example.org), as subscriptions and mailboxes are given.</summary>
    public static bool IsAddress(string address) =>
        address.Length <= 320 && MailboxAddress.TryParse(address, out var parsed) && parsed.Address is not null
        && parsed.Address.Contains('@', StringComparison.Ordinal) && string.IsNullOrEmpty(parsed.Name);

    /// <summary>Sends one message through the configured server (a new connection each time: messages are few).</summary>
    public async Task SendAsync(MimeMessage message, CancellationToken ct)
    {
        using var client = new SmtpClient { Timeout = TimeoutSeconds * 1000 };
        await client.ConnectAsync(Host!, Port, Security, ct);
        if (!string.IsNullOrEmpty(User))
        {
            await client.AuthenticateAsync(User, Password ?? "", ct);
        }
        await client.SendAsync(message, ct);
        await client.DisconnectAsync(true, ct);
    }

    /// <summary>A failed attempt, as an administrator reads it: the server's reply code tells whether the address or the server is at fault.</summary>
    public static string Describe(Exception e) =>
        e is SmtpCommandException smtp ? $"SMTP {(int)smtp.StatusCode} ({smtp.ErrorCode}): {e.Message}" : $"{e.GetType().Name}: {e.Message}";

    public static MailOptions From(IConfiguration configuration) => configuration.GetSection("Mail").Get<MailOptions>() ?? new MailOptions();
}
