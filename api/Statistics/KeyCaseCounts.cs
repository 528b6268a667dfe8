using System.Linq.Expressions;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using PetitionGraph.Api.Cases;
using PetitionGraph.Api.Data;

namespace PetitionGraph.Api.Statistics;

public sealed record KeyCaseClass(int KeyClass, string Description, int Count);

/// <summary>
/// 五类 at an instant, from the petitions received by then (and since a baseline, if given) — one GROUP BY.
/// Class 4 (unresolved two years or more) takes "unresolved" from the case's current resolution instant, so a
/// case resolved and later reopened counts as unresolved throughout.
/// </summary>
public static class KeyCaseCounts
{
    public static readonly IReadOnlyList<string> Descriptions =
    [
        "第一类: 10 or more national registrations",
        "第二类: 5–9 national registrations, or referred by the city",
        "第三类: 1–4 national registrations",
        "第四类: unresolved for two years or more",
        "第五类: a collective petition at national level, or 3 or more collective petitions at province level",
    ];

    public static async Task<IReadOnlyList<KeyCaseClass>> CountAsync(
        PetitionDbContext db, Expression<Func<Case, bool>> cases, KeyClassRules rules, DateTime at, DateTime? since, CancellationToken ct)
    {
        var counts = await db.Cases.Where(cases).Where(c => c.OpenedAt < at).Select(rules.Since(at, since))
            .Where(k => k != null).GroupBy(k => k!.Value).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        return Enumerable.Range(1, 5).Select(k => new KeyCaseClass(k, Descriptions[k - 1], counts.GetValueOrDefault(k))).ToList();
    }
}

public sealed class KeyCaseClassType : ObjectGraphType<KeyCaseClass>
{
    public KeyCaseClassType()
    {
        Name = "KeyCaseClass";
        Description = "五类重点信访事项: one key-case class and how many cases are in it.";
        Field(k => k.KeyClass).Description("1 to 5.");
        Field(k => k.Description).Description("What puts a case in this class.");
        Field(k => k.Count).Description("Cases in the class at the instant asked for.");
    }
}
