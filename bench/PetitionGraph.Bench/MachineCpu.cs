using System.Globalization;

namespace PetitionGraph.Bench;

/// <summary>How busy the whole machine's CPUs were between two readings of /proc/stat (Linux); null elsewhere.</summary>
public static class MachineCpu
{
    public static (long Busy, long Total)? Read()
    {
        if (!File.Exists("/proc/stat"))
        {
            return null;
        }
        // cpu  user nice system idle iowait irq softirq steal …
        var fields = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Skip(1).Select(f => long.Parse(f, CultureInfo.InvariantCulture)).ToArray();
        var total = fields.Take(8).Sum();
        return (total - fields[3] - fields[4], total);
    }

    /// <summary>Percentage of CPU time spent busy between the two readings.</summary>
    public static double? BusyPercent((long Busy, long Total)? before, (long Busy, long Total)? after) =>
        before is { } b && after is { } a && a.Total > b.Total ? 100.0 * (a.Busy - b.Busy) / (a.Total - b.Total) : null;
}
