using Microsoft.EntityFrameworkCore;
using PetitionGraph.Api.Data;

namespace PetitionGraph.Api.Changes.Live;

/// <summary>
/// Tells this instance's live subscriptions that the feed has grown. While anyone listens, it asks the database for the
/// last sequence every <see cref="LiveOptions.PollMilliseconds"/> — one indexed read, whichever instance committed the
/// change — and wakes each listener, which then reads its own entries (under its own scope) from the feed.
/// </summary>
public sealed class ChangeNotifier(IDbContextFactory<PetitionDbContext> factory, LiveOptions options, ILogger<ChangeNotifier> logger) : BackgroundService
{
    private readonly Lock _lock = new();
    private readonly List<Action<long>> _listeners = [];
    private readonly SemaphoreSlim _someone = new(0);
    private long _last = -1;

    public int Listeners
    {
        get
        {
            lock (_lock)
            {
                return _listeners.Count;
            }
        }
    }

    /// <summary>The feed's last sequence as of now; a new listener reads from after it.</summary>
    public async Task<long> CurrentAsync(CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        return await ChangeFeed.LastAsync(db, ct);
    }

    public IDisposable Listen(Action<long> advanced)
    {
        lock (_lock)
        {
            _listeners.Add(advanced);
        }
        _someone.Release();
        return new Subscription(this, advanced);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (Listeners == 0)
                {
                    _last = -1;
                    await _someone.WaitAsync(stoppingToken);
                    continue;
                }
                await PollAsync(stoppingToken);
                await Task.Delay(options.PollMilliseconds, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                if (!DatabaseOutage.IsUnavailable(e))
                {
                    logger.LogError(e, "Looking for new changes failed; trying again.");
                }
                await Task.Delay(options.PollMilliseconds * 4, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }

    private async Task PollAsync(CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var last = await ChangeFeed.LastAsync(db, ct);
        if (last == _last)
        {
            return;
        }
        _last = last;
        Action<long>[] listeners;
        lock (_lock)
        {
            listeners = [.. _listeners];
        }
        // A wake-up only: each listener reads on its own loop, so one slow reader holds no one back.
        foreach (var listener in listeners)
        {
            listener(last);
        }
    }

    private sealed class Subscription(ChangeNotifier notifier, Action<long> listener) : IDisposable
    {
        public void Dispose()
        {
            lock (notifier._lock)
            {
                notifier._listeners.Remove(listener);
            }
        }
    }
}

/// <summary>Configuration section <c>Live</c>: subscriptions over WebSocket.</summary>
public sealed record LiveOptions
{
    /// <summary>How often the feed is checked for new changes while a subscription is open.</summary>
    public int PollMilliseconds { get; init; } = 250;

    /// <summary>A connection that has not sent connection_init by then is closed (4408).</summary>
    public double InitTimeoutSeconds { get; init; } = 10;

    /// <summary>Open subscriptions per connection.</summary>
    public int MaxSubscriptionsPerConnection { get; init; } = 20;

    public static LiveOptions From(IConfiguration configuration) => configuration.GetSection("Live").Get<LiveOptions>() ?? new LiveOptions();
}
