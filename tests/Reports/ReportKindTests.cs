using PetitionGraph.Api.Reports.Kinds;
using PetitionGraph.Reporting;
using PetitionGraph.Reporting.Kinds;

namespace PetitionGraph.Tests.Reports;

/// <summary>A report kind is one definition (name, title, layout) and one data source; none may be missing or doubled.</summary>
public sealed class ReportKindTests
{
    [Fact]
    public void Every_kind_has_exactly_one_definition_and_one_source_and_a_unique_name()
    {
        var kinds = Enum.GetValues<ReportKind>();
        Assert.Equal(kinds.Order(), ReportDefinitions.All.Select(d => d.Kind).Order());
        Assert.Equal(kinds.Order(), ReportSources.All.Select(s => s.Kind).Order());
        Assert.Equal(kinds.Length, ReportDefinitions.All.Select(d => d.Name).Distinct().Count());
        Assert.Equal(kinds.Length, ReportDefinitions.All.Select(d => d.Title).Distinct().Count());
        foreach (var definition in ReportDefinitions.All)
        {
            Assert.True(ReportDefinitions.TryParse(definition.Name.ToUpperInvariant(), out var kind));
            Assert.Equal(definition.Kind, kind);
            Assert.Same(definition, ReportDefinitions.For(kind));
        }
        Assert.False(ReportDefinitions.TryParse("no-such-report", out _));
        Assert.Throws<KeyNotFoundException>(() => ReportSources.For((ReportKind)99));
        Assert.Throws<KeyNotFoundException>(() => ReportDefinitions.For((ReportKind)99));
    }
}
