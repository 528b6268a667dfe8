using PetitionGraph.Api.Language;
namespace PetitionGraph.Api.Cli;

/// <summary>
/// <c>VERB [POSITIONAL…] [--name value] [--flag]</c>. A first argument starting with '-' is no verb: the server runs
/// with the arguments (<c>--urls …</c>) unless they ask for help (<c>--help</c>, <c>-h</c>).
/// </summary>
public sealed class CliArguments
{
    private readonly Dictionary<string, string?> _options = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<string> _positional = [];

    public CliArguments(IReadOnlyList<string> args)
    {
        WantsHelp = args.Any(a => a is "--help" or "-h" or "-?");
        Verb = args.Count > 0 && !args[0].StartsWith('-') ? args[0] : null;
        if (Verb is null && WantsHelp)
        {
            Verb = "help";
        }
        for (var i = Verb is null || !args[0].Equals(Verb, StringComparison.Ordinal) ? 0 : 1; i < args.Count; i++)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal))
            {
                if (args[i] is not ("-h" or "-?"))
                {
                    _positional.Add(args[i]);
                }
                continue;
            }
            var name = args[i][2..];
            var hasValue = i + 1 < args.Count && !args[i + 1].StartsWith("--", StringComparison.Ordinal);
            _options[name] = hasValue ? args[++i] : null;
        }
    }

    public string? Verb { get; }

    /// <summary>
    /// The language the command answers in: <c>--lang en|zh</c>, else <c>PETITIONGRAPH_LANG</c>, else Chinese — the
    /// office's language, whatever the machine's locale (servers often run C.UTF-8 or en_US whatever the office reads).
    /// </summary>
    public Lang Lang => (_options.GetValueOrDefault("lang") ?? Environment.GetEnvironmentVariable("PETITIONGRAPH_LANG"))?.Trim().ToLowerInvariant() switch
    {
        "en" or "english" => Lang.En,
        _ => Lang.Zh,
    };

    /// <summary>A line in the command's language.</summary>
    public string Say(Msg text) => text.In(Lang);

    /// <summary>--help, -h or -? anywhere: print help for the verb (or all verbs) and do nothing else.</summary>
    public bool WantsHelp { get; }

    /// <summary>Arguments after the verb that are not options (<c>report monthly-overview …</c>).</summary>
    public IReadOnlyList<string> Positional => _positional;

    public IEnumerable<string> OptionNames => _options.Keys;

    public bool Has(string name) => _options.ContainsKey(name);

    public string? Get(string name) => _options.GetValueOrDefault(name);

    /// <summary>The option's value; a usage error when it is given without one.</summary>
    public string? Value(string name) =>
        _options.TryGetValue(name, out var value) ? value ?? throw new CliUsageException(new Msg($"--{name} 需要一个值。", $"--{name} needs a value.")) : null;

    public int GetInt(string name, int fallback, int min = int.MinValue, int max = int.MaxValue)
    {
        if (Value(name) is not { } text)
        {
            return fallback;
        }
        if (!int.TryParse(text, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var n))
        {
            throw new CliUsageException(new Msg($"--{name} 须为整数，收到的是“{text}”。", $"--{name} takes a whole number; got '{text}'."));
        }
        return n < min || n > max ? throw new CliUsageException(new Msg($"--{name} 须在 {min:N0} 到 {max:N0} 之间，收到的是 {n:N0}。", $"--{name} must be between {min:N0} and {max:N0}; got {n:N0}.")) : n;
    }

    /// <summary>A file or folder named on the command line, resolved against the directory the command was run from.</summary>
    public static string FullPath(string path) => Path.GetFullPath(path);
}

/// <summary>The command line itself is wrong (an unknown option, a malformed value): one line, exit status 2.</summary>
public sealed class CliUsageException(Msg text) : Exception(text.En)
{
    public Msg Text { get; } = text;
}
