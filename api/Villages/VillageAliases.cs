using Microsoft.EntityFrameworkCore;
using PetitionGraph.Api.Data;
using PetitionGraph.Api.GraphQL.Mutations;
using PetitionGraph.Api.Language;

namespace PetitionGraph.Api.Villages;

/// <summary>
/// Which village an address names, through village names and their aliases, and the checks on aliases. An address
/// naming two villages is ambiguous: it is refused, never assigned to one of them silently.
/// </summary>
public sealed class VillageAliases(IReadOnlyList<(int Id, string Code, string Name, IReadOnlyList<string> Aliases)> villages)
{
    private IReadOnlyList<(int Id, string Code, string Name, IReadOnlyList<string> Aliases)> Villages => villages;

    public static async Task<VillageAliases> LoadAsync(PetitionDbContext db, CancellationToken ct) =>
        new((await db.Villages.Select(v => new { v.Id, v.Code, v.Name, v.Aliases }).ToListAsync(ct))
            .Select(v => (v.Id, v.Code, v.Name, (IReadOnlyList<string>)new Village { Code = v.Code, Name = v.Name, Aliases = v.Aliases }.AliasList)).ToList());

    /// <summary>The villages an address names. A name inside a longer one at the same place (山村 in 新山村) does not count.</summary>
    public IReadOnlyList<(int Id, string Code, string Name)> Named(string address)
    {
        var found = new List<(int Start, int End, int Village)>();
        for (var v = 0; v < villages.Count; v++)
        {
            foreach (var term in villages[v].Aliases.Prepend(villages[v].Name).Where(t => t.Length > 0))
            {
                for (var at = address.IndexOf(term, StringComparison.Ordinal); at >= 0; at = address.IndexOf(term, at + 1, StringComparison.Ordinal))
                {
                    found.Add((at, at + term.Length, v));
                }
            }
        }
        return found.Where(f => !found.Any(o => o != f && o.Start <= f.Start && o.End >= f.End && o.End - o.Start > f.End - f.Start))
            .Select(f => f.Village).Distinct().Select(v => (villages[v].Id, villages[v].Code, villages[v].Name)).ToList();
    }

    /// <summary>Why the aliases cannot be set, or null: each 2–32 characters, no other village's name or alias.</summary>
    public static async Task<UserError?> CheckAsync(PetitionDbContext db, Village village, IReadOnlyList<string> aliases)
    {
        var others = await LoadAsync(db, CancellationToken.None);
        foreach (var alias in aliases.Select(a => a.Trim()))
        {
            if (alias.Length is < 2 or > 32 || alias.Contains(Village.AliasSeparator, StringComparison.Ordinal))
            {
                return UserError.Validation("aliases", new Msg($"别名须为 2 至 32 个字符，且不含“、”：“{alias}”。", $"An alias is 2 to 32 characters without '、': '{alias}'."));
            }
            if (others.Villages.Where(o => o.Id != village.Id && (o.Name == alias || o.Aliases.Contains(alias))).Select(o => (o.Name, o.Code)).FirstOrDefault() is { Name: not null } owner)
            {
                return new UserError(UserErrorCode.Conflict,
                    new Msg($"“{alias}”已是 {owner.Name}（{owner.Code}）的名称或别名；一个别名只能属于一个村（社区）。",
                        $"'{alias}' already names {owner.Name} ({owner.Code}); an alias belongs to one village."),
                    ["input", "aliases"]);
            }
        }
        return null;
    }
}
