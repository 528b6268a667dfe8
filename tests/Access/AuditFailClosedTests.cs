using System.Net;
using Microsoft.EntityFrameworkCore;
using PetitionGraph.Api.Data;
using PetitionGraph.Tests.Infrastructure;

namespace PetitionGraph.Tests.Access;

/// <summary>
/// Personal data whose read cannot be audited is not handed out: when the audit entry cannot be committed, the whole
/// response is withheld.
/// </summary>
public abstract class AuditFailClosedTests(TestHost host)
{
    private const string Refused = "RefusedByTheAuditTable";

    [Fact]
    public async Task A_read_whose_audit_entry_cannot_be_committed_returns_no_data()
    {
        const string query = "query " + Refused + " { petitioners(first: 3, order: [{ name: ASC }]) { nodes { name phone } } }";
        var names = (await host.Client.QueryAsync(query.Replace(Refused, "Allowed", StringComparison.Ordinal)))
            .GetProperty("petitioners").GetProperty("nodes").EnumerateArray().Select(n => n.GetProperty("name").GetString()!).ToList();
        Assert.Equal(3, names.Count);

        await RefuseAuditEntriesAsync(refuse: true);
        try
        {
            var withheld = await host.Client.PostAsync(query);
            Assert.Equal(HttpStatusCode.InternalServerError, withheld.Status);
            Assert.Equal("INTERNAL_ERROR", Assert.Single(withheld.ErrorCodes));
            var body = withheld.Body.GetRawText();
            Assert.All(names, name => Assert.DoesNotContain(name, body, StringComparison.Ordinal));
            Assert.False(withheld.Body.TryGetProperty("data", out _));

            // Nothing personal read, nothing to audit: a masked or plain read still answers.
            var plain = await host.Client.QueryAsync("query " + Refused + " { petitioners(first: 3) { totalCount } }");
            Assert.True(plain.GetProperty("petitioners").GetProperty("totalCount").GetInt32() >= 3);
        }
        finally
        {
            await RefuseAuditEntriesAsync(refuse: false);
        }

        var again = await host.Client.QueryAsync(query);
        Assert.Equal(names, again.GetProperty("petitioners").GetProperty("nodes").EnumerateArray().Select(n => n.GetProperty("name").GetString()!));
    }

    /// <summary>A trigger that rejects this test's audit entries only (other tests share the database).</summary>
    private async Task RefuseAuditEntriesAsync(bool refuse)
    {
        await using var scope = host.Scope();
        var db = scope.ServiceProvider.GetRequiredService<PetitionDbContext>().Database;
        string[] statements = (host.Provider, refuse) switch
        {
            (DatabaseProvider.Sqlite, true) =>
            [
                $"CREATE TRIGGER refuse_audit BEFORE INSERT ON audit_entries WHEN NEW.operation LIKE '%{Refused}%' BEGIN SELECT RAISE(ABORT, 'refused'); END",
            ],
            (DatabaseProvider.Sqlite, false) => ["DROP TRIGGER refuse_audit"],
            (_, true) =>
            [
                $"CREATE FUNCTION refuse_audit() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN IF NEW.operation LIKE '%{Refused}%' THEN RAISE EXCEPTION 'refused'; END IF; RETURN NEW; END $$",
                "CREATE TRIGGER refuse_audit BEFORE INSERT ON audit_entries FOR EACH ROW EXECUTE FUNCTION refuse_audit()",
            ],
            (_, false) => ["DROP TRIGGER refuse_audit ON audit_entries", "DROP FUNCTION refuse_audit()"],
        };
        foreach (var statement in statements)
        {
            await db.ExecuteSqlRawAsync(statement);
        }
    }
}

[Collection(SqliteCollection.Name)]
public sealed class AuditFailClosedTestsOnSqlite(SqliteHost host) : AuditFailClosedTests(host);

[Collection(PostgresCollection.Name)]
public sealed class AuditFailClosedTestsOnPostgres(PostgresHost host) : AuditFailClosedTests(host);
