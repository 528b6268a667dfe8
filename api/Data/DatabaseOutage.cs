using System.Data.Common;
using System.Net.Sockets;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Npgsql;

namespace PetitionGraph.Api.Data;

/// <summary>
/// Tells "the database cannot be reached" from every other failure, so that requests made during an outage get
/// 503 with Retry-After (the client's cue to try again) instead of INTERNAL_ERROR, and the log says once that the
/// database is gone and once that it is back — not a stack trace per request (~40 a second were seen).
/// </summary>
public sealed class DatabaseOutage(ILogger<DatabaseOutage> logger)
{
    public const int RetryAfterSeconds = 5;
    public const string Code = "DATABASE_UNAVAILABLE";
    public static readonly Language.Msg Message = new("暂时无法连接数据库，未做任何更改；请几秒钟后重试。", "The database cannot be reached just now; nothing was changed. Try again in a few seconds.");

    private int _down;

    public bool IsDown => Volatile.Read(ref _down) == 1;

    /// <summary>Whether an exception (or one it wraps) says the database could not be reached.</summary>
    public static bool IsUnavailable(Exception? exception)
    {
        // A socket error is the database's only inside a database exception: another server's connection breaking (a
        // crashed browser that once printed the PDFs, a mail server) once made every request answer 503 "the database
        // cannot be reached".
        var fromDatabase = false;
        for (var e = exception; e is not null; e = e.InnerException)
        {
            fromDatabase |= e is DbException;
            switch (e)
            {
                case NpgsqlException { IsTransient: true }:
                case PostgresException { SqlState: "57P01" or "57P02" or "57P03" or "53300" }: // shutdown, crash, starting up, too many connections
                case SocketException when fromDatabase:
                case SqliteException { SqliteErrorCode: 14 }: // SQLITE_CANTOPEN
                    return true;
            }
        }
        return false;
    }

    public void Failed(Exception exception)
    {
        if (Interlocked.Exchange(ref _down, 1) == 0)
        {
            logger.LogError("The database cannot be reached ({Reason}); requests get 503 until it is back. Logged once.", exception.GetBaseException().Message);
        }
    }

    public void Reached()
    {
        if (Volatile.Read(ref _down) == 1 && Interlocked.Exchange(ref _down, 0) == 1)
        {
            logger.LogWarning("The database is reachable again.");
        }
    }

    /// <summary>Watches every connection the contexts open and every command they run.</summary>
    public sealed class ConnectionWatch(DatabaseOutage outage) : DbConnectionInterceptor
    {
        public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
        {
            outage.Reached();
            return Task.CompletedTask;
        }

        public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => outage.Reached();

        public override Task ConnectionFailedAsync(DbConnection connection, ConnectionErrorEventData eventData, CancellationToken cancellationToken = default)
        {
            ConnectionFailed(connection, eventData);
            return Task.CompletedTask;
        }

        public override void ConnectionFailed(DbConnection connection, ConnectionErrorEventData eventData)
        {
            // EF Core asks whether a SQLite file exists by opening it read-only; a new database's answer is no.
            var probe = connection is SqliteConnection sqlite && new SqliteConnectionStringBuilder(sqlite.ConnectionString).Mode == SqliteOpenMode.ReadOnly;
            if (!probe && IsUnavailable(eventData.Exception))
            {
                outage.Failed(eventData.Exception);
            }
        }
    }

    /// <summary>A pooled connection finds the server gone only when a command fails.</summary>
    public sealed class CommandWatch(DatabaseOutage outage) : DbCommandInterceptor
    {
        public override Task CommandFailedAsync(DbCommand command, CommandErrorEventData eventData, CancellationToken cancellationToken = default)
        {
            CommandFailed(command, eventData);
            return Task.CompletedTask;
        }

        public override void CommandFailed(DbCommand command, CommandErrorEventData eventData)
        {
            if (IsUnavailable(eventData.Exception))
            {
                outage.Failed(eventData.Exception);
            }
        }
    }
}
