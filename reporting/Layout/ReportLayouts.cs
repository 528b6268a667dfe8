using PetitionGraph.Reporting.Formatting;
using PetitionGraph.Reporting.Kinds;

namespace PetitionGraph.Reporting.Layout;

/// <summary>A report's layout: the sections, sheets and charts its kind's definition lays out.</summary>
internal static class ReportLayouts
{
    public const string NoData = "无数据";

    public static ReportLayout Build(ReportData data)
    {
        var builder = new ReportLayoutBuilder(new OfficeClock(data.Context.TimeZone));
        ReportDefinitions.For(data.Kind).Lay(builder, data);
        return builder.Build();
    }
}
