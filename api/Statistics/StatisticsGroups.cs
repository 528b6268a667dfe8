using Microsoft.EntityFrameworkCore;
using PetitionGraph.Api.Data;
using PetitionGraph.Api.Petitions;

namespace PetitionGraph.Api.Statistics;

/// <summary>Every combination of the grouped dimensions' values, so that empty groups appear with zeros.</summary>
public static class StatisticsGroups
{
    public const int MaxDimensions = 2;

    public static async Task<IReadOnlyList<StatisticsGroup>> AllAsync(
        PetitionDbContext db, IReadOnlyList<StatisticsDimension> dimensions, CancellationToken ct)
    {
        IReadOnlyList<StatisticsGroup> groups = [StatisticsGroup.All];
        foreach (var dimension in dimensions)
        {
            var values = await ValuesAsync(db, dimension, ct);
            groups = groups.SelectMany(group => values.Select(value => With(group, dimension, value))).ToList();
        }
        return groups;
    }

    private static async Task<IReadOnlyList<object>> ValuesAsync(PetitionDbContext db, StatisticsDimension dimension, CancellationToken ct) => dimension switch
    {
        StatisticsDimension.Category => (await db.Categories.OrderBy(c => c.Id).Select(c => c.Id).ToListAsync(ct)).Cast<object>().ToList(),
        StatisticsDimension.Village => (await db.Villages.OrderBy(v => v.Id).Select(v => v.Id).ToListAsync(ct)).Cast<object>().ToList(),
        StatisticsDimension.Leader => (await db.Leaders.OrderBy(l => l.Id).Select(l => l.Id).ToListAsync(ct)).Cast<object>().ToList(),
        StatisticsDimension.Channel => Enum.GetValues<Channel>().Cast<object>().ToList(),
        StatisticsDimension.Team => (await db.Teams.OrderBy(t => t.Id).Select(t => t.Id).ToListAsync(ct)).Cast<object>().ToList(),
        StatisticsDimension.Way => (await db.SettlementWays.OrderBy(w => w.Id).Select(w => w.Id).ToListAsync(ct)).Cast<object>().ToList(),
        StatisticsDimension.Assistance => Enum.GetValues<Settlement.AssistanceKind>().Cast<object>().ToList(),
        _ => Enum.GetValues<PetitionLevel>().Cast<object>().ToList(),
    };

    private static StatisticsGroup With(StatisticsGroup group, StatisticsDimension dimension, object value) => dimension switch
    {
        StatisticsDimension.Category => group with { CategoryId = (int)value },
        StatisticsDimension.Village => group with { VillageId = (int)value },
        StatisticsDimension.Leader => group with { LeaderId = (int)value },
        StatisticsDimension.Channel => group with { Channel = (Channel)value },
        StatisticsDimension.Team => group with { TeamId = (int)value },
        StatisticsDimension.Way => group with { WayId = (int)value },
        StatisticsDimension.Assistance => group with { Assistance = (Settlement.AssistanceKind)value },
        _ => group with { Level = (PetitionLevel)value },
    };
}
