using System.Globalization;

namespace PetitionGraph.Bench;

/// <summary>Appends one tab-separated line per measurement to the results file that run.sh prints as a table.</summary>
public static class Results
{
    public static void Append(Options options, params object[] fields)
    {
        var path = options.Get("results", "");
        if (path.Length == 0)
        {
            return;
        }
        var line = string.Join('\t', fields.Select(f => f switch
        {
            double d => d.ToString("F2", CultureInfo.InvariantCulture),
            _ => Convert.ToString(f, CultureInfo.InvariantCulture),
        }));
        File.AppendAllText(path, line + Environment.NewLine);
    }
}
