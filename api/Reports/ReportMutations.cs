using GraphQL;
using GraphQL.Types;
using PetitionGraph.Api.Access;
using PetitionGraph.Api.GraphQL;
using PetitionGraph.Api.GraphQL.Mutations;
using PetitionGraph.Api.GraphQL.Scalars;
using PetitionGraph.Api.Language;
using PetitionGraph.Reporting;

namespace PetitionGraph.Api.Reports;

public sealed record ReportRunPayload(ReportRun? Run, IReadOnlyList<UserError> UserErrors);

public sealed record GenerateReportInput(ReportKind Report, string Period, Role? ReaderRole) : IMutationInput<GenerateReportInput>
{
    public static void Declare(InputObjectGraphType<GenerateReportInput> type)
    {
        type.Field(x => x.Report, type: typeof(NonNullGraphType<EnumType<ReportKind>>)).Description("Which report.");
        type.Field(x => x.Period, type: typeof(NonNullGraphType<StringGraphType>)).Description("2021-05 (month), 2021-Q2, 2021, 2021-W18 or 2021-05-03, in office time.");
        type.Field(x => x.ReaderRole, type: typeof(EnumType<Role>))
            .Description("Whose view of personal data to show; ANALYST (names masked) when omitted. It can only narrow your own view.");
    }
}

public static class ReportMutations
{
    public static void AddReportMutations(this ObjectGraphType mutation)
    {
        var input = new MutationInputType<GenerateReportInput>("GenerateReportInput");
        var payload = new ObjectGraphType<ReportRunPayload> { Name = "GenerateReportPayload" };
        payload.Field<ReportRunType>("run").Resolve(c => c.Source.Run);
        payload.Field<NonNullGraphType<ListGraphType<NonNullGraphType<UserErrorType>>>>("userErrors").Resolve(c => c.Source.UserErrors);

        mutation.Field("generateReport", new NonNullGraphType(payload))
            .Description("Generate a report now (HTML, charts, XLSX); the run and its files are stored and served at /reports/{id}/….")
            .Argument(new NonNullGraphType(input), "input")
            .ResolveAsync(async c =>
            {
                var values = c.GetArgument<GenerateReportInput>("input");
                var services = c.RequestServices!;
                var period = ReportPeriod.Parse(values.Period, services.GetRequiredService<OfficeTime>());
                if (period is null)
                {
                    return new ReportRunPayload(null, [UserError.Validation("period", new Msg($"“{values.Period}”不是期间：请写作 2021-05、2021-Q2、2021、2021-W18 或 2021-05-03。",
                        $"'{values.Period}' is not a period: use 2021-05, 2021-Q2, 2021, 2021-W18 or 2021-05-03."))]);
                }
                var caller = c.Scope().Caller!;
                // A reader role can narrow what the caller sees (ANALYST: names masked), never widen it.
                var reader = values.ReaderRole ?? Role.Analyst;
                if (PersonalDataPolicy.MayReadPersonalData(reader) && !caller.MayReadPersonalData)
                {
                    reader = Role.Analyst;
                }
                try
                {
                    var run = await services.GetRequiredService<ReportRunStore>().GenerateNowAsync(values.Report, period,
                        reader, caller.Name, c.Scope().Cases, c.CancellationToken);
                    if (PersonalDataPolicy.MayReadPersonalData(reader))
                    {
                        await services.GetRequiredService<AuditWriter>().WriteAsync(caller.Name, caller.Role, "REPORT", $"ReportRun:{run.Id}",
                            "name", "generateReport");
                    }
                    return new ReportRunPayload(run, []);
                }
                catch (ReportDataException e)
                {
                    return new ReportRunPayload(null, [UserError.InvalidState(e.Text)]);
                }
            });
    }
}
