namespace PetitionGraph.Api.Hosting;

/// <summary>
/// The performance shortcuts that lean on EF Core's and GraphQL.NET's internals, behind one switch
/// (<c>Performance:Shortcuts</c>, on by default): EF Core's query compilation with closed lambdas hoisted
/// (ClosedLambdaHoister), root pages compiled once per shape (CompiledPages), plain property fields read without a
/// resolver step (QueryExecutionStrategy), argument values kept with cached documents (ArgumentValuesCache) and
/// validation skipped for documents that passed for the same role (DocumentCache). Off, every request takes the
/// libraries' public paths. The differential tests compare the two, and after an upgrade of EF Core or GraphQL.NET
/// `Performance__Shortcuts=false dotnet test` runs the whole suite without them.
/// </summary>
public sealed record Shortcuts(bool Enabled)
{
    public static Shortcuts From(IConfiguration configuration) => new(configuration.GetValue("Performance:Shortcuts", true));
}
