using System.Linq.Expressions;
using PetitionGraph.Api.Access;
using PetitionGraph.Api.Data;

namespace PetitionGraph.Api.Reports;

/// <summary>
/// Which report runs a caller may open, written once: as a condition for listing (reportRuns, latestReportRun) and
/// as a check for downloading. Reports cover every case of the town, so only ADMIN, OFFICE and ANALYST see them; a
/// run made with names only callers who may read names; and an account linked to a leader — who may be accused in
/// some case — only the runs it asked for itself.
/// </summary>
public static class ReportAccess
{
    private static readonly List<string> RolesWithNames =
        [.. Enum.GetValues<Role>().Where(PersonalDataPolicy.MayReadPersonalData).Select(r => EnumNames.Name(r))];

    public static bool MayList(Caller caller) => caller.Role is Role.Admin or Role.Office or Role.Analyst;

    public static Expression<Func<ReportRun, bool>> Visible(Caller caller)
    {
        var (names, name, linked) = (caller.MayReadPersonalData, caller.Name, caller.LeaderId is not null);
        return r => (names || !RolesWithNames.Contains(r.ReaderRole)) && (!linked || r.RequestedBy == name);
    }

    public static bool MayOpen(Caller caller, string readerRole, string requestedBy) =>
        MayList(caller)
        && (caller.MayReadPersonalData || !RolesWithNames.Contains(readerRole))
        && (caller.LeaderId is null || requestedBy == caller.Name);

    public static bool ShowsNames(string readerRole) => RolesWithNames.Contains(readerRole);
}
