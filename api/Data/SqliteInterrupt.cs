using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace PetitionGraph.Api.Data;

/// <summary>
/// Makes a SQLite statement stop when its request is cancelled (time limit, client gone, shutdown). Microsoft.Data.Sqlite
/// runs a statement synchronously and ignores the cancellation token (<c>SqliteCommand.Cancel</c> does nothing), so a
/// costly filter used to run on for minutes after its request had timed out. Here the token interrupts the connection
/// (<c>sqlite3_interrupt</c>): the running statement ends with SQLITE_INTERRUPT and its thread is free.
/// </summary>
public sealed class SqliteInterrupt : DbCommandInterceptor
{
    private static readonly ConditionalWeakTable<DbCommand, Registration> Registrations = [];

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Watch(command, cancellationToken);
        return ValueTask.FromResult(result);
    }

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        Watch(command, cancellationToken);
        return ValueTask.FromResult(result);
    }

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Watch(command, cancellationToken);
        return ValueTask.FromResult(result);
    }

    public override ValueTask<object?> ScalarExecutedAsync(DbCommand command, CommandExecutedEventData eventData, object? result, CancellationToken cancellationToken = default)
    {
        Release(command);
        return ValueTask.FromResult(result);
    }

    public override ValueTask<int> NonQueryExecutedAsync(DbCommand command, CommandExecutedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Release(command);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult DataReaderDisposing(DbCommand command, DataReaderDisposingEventData eventData, InterceptionResult result)
    {
        Release(command);
        return result;
    }

    public override Task CommandFailedAsync(DbCommand command, CommandErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Release(command);
        return Task.CompletedTask;
    }

    private static void Watch(DbCommand command, CancellationToken token)
    {
        if (!token.CanBeCanceled || command.Connection is not SqliteConnection connection)
        {
            return;
        }
        var registration = token.UnsafeRegister(static state =>
        {
            if (((SqliteConnection)state!).Handle is { } handle)
            {
                SQLitePCL.raw.sqlite3_interrupt(handle);
            }
        }, connection);
        Registrations.AddOrUpdate(command, new Registration(registration));
    }

    private static void Release(DbCommand command)
    {
        if (Registrations.TryGetValue(command, out var registration))
        {
            Registrations.Remove(command);
            registration.Dispose();
        }
    }

    private sealed class Registration(CancellationTokenRegistration inner) : IDisposable
    {
        public void Dispose() => inner.Dispose();
    }
}
