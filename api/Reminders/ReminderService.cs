using Microsoft.EntityFrameworkCore;
using PetitionGraph.Api.Data;
using PetitionGraph.Api.GraphQL;

namespace PetitionGraph.Api.Reminders;

/// <summary>
/// Reminders in the background of every instance: each tick withdraws the reminders of steps done, and — outside the
/// quiet hours — makes the reminders now due, makes today's digests and mails those this instance can claim. Every
/// piece is claimed through the database, so several instances remind once. Failures are logged and retried next tick.
/// </summary>
public sealed class ReminderService(
    IDbContextFactory<PetitionDbContext> factory, ReminderSweep sweep, ReminderMailer mailer, ReminderOptions options, OfficeTime office,
    TimeProvider clock, ILogger<ReminderService> logger)
    : BackgroundService
{
    /// <summary>This instance, as it signs its claims.</summary>
    public string Instance { get; } = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid():N}";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Enabled)
        {
            return;
        }
        await Task.Yield();
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await TickAsync(stoppingToken);
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                if (!DatabaseOutage.IsUnavailable(e))
                {
                    logger.LogError(e, "Reminder tick failed; trying again in {Seconds} s.", options.PollSeconds);
                }
            }
            try
            {
                await Task.Delay(TimeSpan.FromSeconds(options.PollSeconds), stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    public async Task TickAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using (var db = await factory.CreateDbContextAsync(ct))
        {
            await ReminderSweep.WithdrawDoneAsync(db, now, null, ct);
        }
        if (options.IsQuiet(office.ToOffice(now)))
        {
            return;
        }
        var made = await sweep.MakeAsync(now, ct);
        var digests = await mailer.MakeDigestsAsync(now, ct);
        var sent = await mailer.SendDueAsync(Instance, now, ct);
        if (made + digests + sent > 0)
        {
            logger.LogInformation("Reminders: {Made} made, {Digests} digest(s) made, {Sent} mailed.", made, digests, sent);
        }
    }
}

public static class ReminderServiceExtensions
{
    public static IServiceCollection AddPetitionReminders(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(ReminderOptions.From(configuration));
        services.AddSingleton<ReminderSweep>();
        services.AddSingleton<ReminderMailer>();
        services.AddSingleton<ReminderService>();
        services.AddHostedService(sp => sp.GetRequiredService<ReminderService>());
        return services;
    }
}
