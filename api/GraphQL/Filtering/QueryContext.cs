using PetitionGraph.Api.Cases;

namespace PetitionGraph.Api.GraphQL.Filtering;

/// <summary>
/// What a filter or sort may depend on besides the row: the instant the request is answered as of, so that
/// time-dependent fields (overdue, in backlog, key class) agree across one request, and the configured rules.
/// </summary>
public sealed class QueryContext(TimeProvider clock, KeyClassRules keyClasses, AccessScope scope, Hosting.Shortcuts shortcuts)
{
    /// <summary>Root pages through queries compiled once per shape (<see cref="Hosting.Shortcuts"/>).</summary>
    public bool CompilePages { get; } = shortcuts.Enabled;

    /// <summary>Whether the caller may filter and sort by personal data (the same rule as reading it).</summary>
    public bool MayReadPersonalData { get; } = scope.Caller?.MayReadPersonalData == true;

    public DateTime Now { get; } = clock.GetUtcNow().UtcDateTime;

    public KeyClassRules KeyClasses { get; } = keyClasses;
}
