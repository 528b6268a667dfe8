using System.Security.Claims;
using PetitionGraph.Api.Access;
using PetitionGraph.Api.Data;
using PetitionGraph.Api.GraphQL;
using PetitionGraph.Api.GraphQL.Filtering;

namespace PetitionGraph.Api.Changes.Live;

/// <summary>
/// The source stream of one <c>caseChanged</c> subscription: woken by <see cref="ChangeNotifier"/>, it reads the feed
/// after its cursor as the subscriber (a fresh scope each time, so scope and confidentiality are those of a query) and
/// emits each case entry once, in sequence order. It starts after the last change committed when it was opened.
/// </summary>
public sealed class CaseChangedStream(
    IServiceScopeFactory scopes, ChangeNotifier notifier, ClaimsPrincipal user, IDictionary<string, object?>? where, long start, ILogger logger)
    : IObservable<Change>
{
    private const int Page = 200;

    public IDisposable Subscribe(IObserver<Change> observer)
    {
        var stop = new CancellationTokenSource();
        var wake = new SemaphoreSlim(0, 1);
        var listening = notifier.Listen(_ =>
        {
            if (wake.CurrentCount == 0)
            {
                try
                {
                    wake.Release();
                }
                catch (SemaphoreFullException)
                {
                    // Woken already.
                }
            }
        });
        _ = Task.Run(() => RunAsync(observer, wake, stop.Token), CancellationToken.None);
        return new Unsubscriber(() =>
        {
            listening.Dispose();
            stop.Cancel();
        });
    }

    private async Task RunAsync(IObserver<Change> observer, SemaphoreSlim wake, CancellationToken ct)
    {
        var cursor = start;
        try
        {
            while (!ct.IsCancellationRequested)
            {
                await wake.WaitAsync(ct);
                try
                {
                    cursor = await EmitAsync(observer, cursor, ct);
                }
                catch (Exception e) when (!ct.IsCancellationRequested && DatabaseOutage.IsUnavailable(e))
                {
                    // The next wake-up reads again from the same cursor: nothing is skipped.
                }
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
        }
        catch (Exception e)
        {
            logger.LogError(e, "A caseChanged subscription failed.");
            observer.OnError(e);
        }
    }

    private async Task<long> EmitAsync(IObserver<Change> observer, long cursor, CancellationToken ct)
    {
        while (true)
        {
            await using var scope = ExecutingUser.CreateScope(scopes, user);
            var services = scope.ServiceProvider;
            var rows = await ChangeFeed.ReadAsync(
                services.GetRequiredService<PetitionDbContext>(), services.GetRequiredService<AccessScope>(), services.GetRequiredService<QueryContext>(),
                where, cursor, Page, ct);
            foreach (var change in rows)
            {
                if (change.CaseId is not null)
                {
                    observer.OnNext(change);
                }
                cursor = change.Sequence;
            }
            if (rows.Count < Page)
            {
                return cursor;
            }
        }
    }

    private sealed class Unsubscriber(Action dispose) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                dispose();
            }
        }
    }
}
