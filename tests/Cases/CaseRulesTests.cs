using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using PetitionGraph.Api.Cases;
using PetitionGraph.Api.Data;
using PetitionGraph.Tests.Infrastructure;

namespace PetitionGraph.Tests.Cases;

/// <summary>Each case rule is one expression; its SQL translation and its compiled form give the same answer for every case.</summary>
public abstract class CaseRulesTests(TestHost host)
{
    public static TheoryData<string> Rules() => ["Overdue", "InBacklog"];

    [Theory]
    [MemberData(nameof(Rules))]
    public async Task A_rule_answers_the_same_in_SQL_and_in_memory_at_every_instant(string name)
    {
        var rule = (Expression<Func<Case, DateTime, bool>>)typeof(CaseRules).GetField(name)!.GetValue(null)!;
        var compiled = rule.Compile();
        await using var scope = host.Scope();
        var db = scope.ServiceProvider.GetRequiredService<PetitionDbContext>();
        var cases = await db.Cases.ToListAsync();
        var answered = 0;
        foreach (var at in new[] { new DateTime(2019, 6, 1, 0, 0, 0, DateTimeKind.Utc), new DateTime(2023, 1, 1, 0, 0, 0, DateTimeKind.Utc), TestHost.Now.UtcDateTime, new DateTime(2030, 1, 1, 0, 0, 0, DateTimeKind.Utc) })
        {
            var bound = Expression.Lambda<Func<Case, bool>>(
                PetitionGraph.Api.GraphQL.Filtering.ExpressionTools.Inline(rule, rule.Parameters[0], PetitionGraph.Api.GraphQL.Filtering.ExpressionTools.Parameter(at, typeof(DateTime))),
                rule.Parameters[0]);
            var inSql = await db.Cases.Where(bound).Select(c => c.Id).OrderBy(id => id).ToListAsync();
            var inMemory = cases.Where(c => compiled(c, at)).Select(c => c.Id).Order().ToList();
            Assert.Equal(inMemory, inSql);
            answered += inSql.Count;
        }
        Assert.True(answered > 0, "no case satisfied the rule at any instant; the test would prove nothing");
    }

    [Fact]
    public async Task Backlog_since_answers_the_same_in_SQL_and_in_memory_and_is_never_ahead_of_the_instant()
    {
        var rule = CaseRules.BacklogSinceAt;
        await using var scope = host.Scope();
        var db = scope.ServiceProvider.GetRequiredService<PetitionDbContext>();
        var cases = await db.Cases.OrderBy(c => c.Id).ToListAsync();
        var at = TestHost.Now.UtcDateTime;
        // Cases whose pending step falls due later have a stored entry instant ahead of now; they make the test count.
        Assert.Contains(cases, c => c.BacklogSince > at);
        var bound = Expression.Lambda<Func<Case, DateTime?>>(
            PetitionGraph.Api.GraphQL.Filtering.ExpressionTools.Inline(rule, rule.Parameters[0], PetitionGraph.Api.GraphQL.Filtering.ExpressionTools.Parameter(at, typeof(DateTime))),
            rule.Parameters[0]);
        var inSql = await db.Cases.OrderBy(c => c.Id).Select(bound).ToListAsync();
        Assert.Equal(cases.Select(c => CaseRules.BacklogSinceOf(c, at)), inSql);
        Assert.All(inSql, since => Assert.True(since is null || since <= at, $"{since} is ahead of {at}"));
    }
}

[Collection(SqliteCollection.Name)]
public sealed class CaseRulesTestsOnSqlite(SqliteHost host) : CaseRulesTests(host);

[Collection(PostgresCollection.Name)]
public sealed class CaseRulesTestsOnPostgres(PostgresHost host) : CaseRulesTests(host);

/// <summary>The SQL condition for "this event sets the status" names exactly the events the projector gives a status for.</summary>
public sealed class CaseStatusesTests
{
    [Fact]
    public void The_status_setting_condition_and_the_status_map_name_the_same_events()
    {
        var sets = CaseStatuses.SetsStatus.Compile();
        foreach (var kind in Enum.GetValues<CaseEventKind>())
        {
            Assert.True(sets(new CaseEvent { Kind = kind, Actor = "test" }) == CaseStatuses.After(kind).HasValue, kind.ToString());
        }
    }
}
