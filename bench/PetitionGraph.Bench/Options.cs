using System.Globalization;

namespace PetitionGraph.Bench;

/// <summary><c>verb --name value …</c>; every option is required unless a fallback is given.</summary>
public sealed class Options
{
    private readonly Dictionary<string, string> _values = new(StringComparer.OrdinalIgnoreCase);

    public Options(string[] args)
    {
        Verb = args.Length > 0 ? args[0] : "";
        for (var i = 1; i + 1 < args.Length; i += 2)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal))
            {
                throw new ArgumentException($"Expected --name value, got '{args[i]}'.");
            }
            _values[args[i][2..]] = args[i + 1];
        }
    }

    public string Verb { get; }

    public string Get(string name) =>
        _values.TryGetValue(name, out var value) ? value : throw new ArgumentException($"--{name} is required.");

    public string Get(string name, string fallback) => _values.GetValueOrDefault(name, fallback);

    public int GetInt(string name, int fallback) =>
        _values.TryGetValue(name, out var value) ? int.Parse(value, CultureInfo.InvariantCulture) : fallback;

    public Uri GetLocalUri(string name)
    {
        var uri = new Uri(Get(name));
        // The load generator only ever targets servers on this machine.
        if (!uri.IsLoopback)
        {
            throw new ArgumentException($"--{name} must be a loopback address, got {uri}.");
        }
        return uri;
    }
}
