using PetitionGraph.Api.Language;

namespace PetitionGraph.Api.Cli;

/// <summary>One command-line verb: how it is called, what it does, which options it takes, and the work itself.</summary>
public sealed record CliVerb(
    string Name, string Usage, Msg Summary, IReadOnlyDictionary<string, Msg> Options,
    Func<IServiceProvider, CliArguments, TextWriter, CancellationToken, Task<int>> Run);
