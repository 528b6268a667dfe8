namespace PetitionGraph.Api.Cli;

/// <summary>Minimal parser for <c>verb --name value --flag</c>.</summary>
public sealed class CliArguments
{
    private readonly Dictionary<string, string?> _options = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<string> _positional = [];

    public CliArguments(IReadOnlyList<string> args)
    {
        Verb = args.Count > 0 && !args[0].StartsWith("--", StringComparison.Ordinal) ? args[0] : null;
        for (var i = Verb is null ? 0 : 1; i < args.Count; i++)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal))
            {
                _positional.Add(args[i]);
                continue;
            }
            var name = args[i][2..];
            var hasValue = i + 1 < args.Count && !args[i + 1].StartsWith("--", StringComparison.Ordinal);
            _options[name] = hasValue ? args[++i] : null;
        }
    }

    public string? Verb { get; }

    /// <summary>Arguments after the verb that are not options (<c>report monthly-overview …</c>).</summary>
    public IReadOnlyList<string> Positional => _positional;

    public bool Has(string name) => _options.ContainsKey(name);

    public string? Get(string name) => _options.GetValueOrDefault(name);

    public int GetInt(string name, int fallback) =>
        _options.TryGetValue(name, out var value) && value is not null
            ? int.TryParse(value, System.Globalization.CultureInfo.InvariantCulture, out var n) ? n : throw new ArgumentException($"--{name} takes a whole number; got '{value}'.")
            : fallback;
}
