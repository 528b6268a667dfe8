using GraphQL;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using PetitionGraph.Api.Access;
using PetitionGraph.Api.GraphQL;
using PetitionGraph.Api.GraphQL.Projection;
using PetitionGraph.Api.GraphQL.Relay;
using PetitionGraph.Api.GraphQL.Scalars;

namespace PetitionGraph.Api.Reports.Mail;

public sealed class ReportSubscriptionType : ObjectGraphType<ReportSubscription>
{
    public ReportSubscriptionType()
    {
        Name = "ReportSubscription";
        Description = "报表订阅: who receives a scheduled report by e-mail.";
        Field<NonNullGraphType<IdGraphType>>("id").Description("Global id.").Resolve(c => GlobalId.Encode("ReportSubscription", c.Source.Id));
        Field(s => s.Report).Description("The report's name (monthly-overview, leader-ownership, due-list, …).");
        Field(s => s.Address, nullable: true).Description("The address mailed; null: the role's mailbox (Mail:Mailboxes).");
        Field(s => s.Role, type: typeof(NonNullGraphType<EnumType<Role>>)).Description("The role the recipient holds: ADMIN, OFFICE or ANALYST.");
        Field<StringGraphType>("mailbox").Description("Where it is mailed now: the address, or the role's configured mailbox; null when neither.")
            .Reads(nameof(ReportSubscription.Address), nameof(ReportSubscription.Role)).Resolve(c => c.Source.Address ?? c.RequestServices!.GetRequiredService<MailOptions>().MailboxOf(c.Source.Role));
        Field(s => s.Active).Description("False once unsubscribed (kept for the delivery log).");
        Field(s => s.CreatedBy).Description("The administrator who made it.");
        Field(s => s.CreatedAt, type: typeof(NonNullGraphType<DateTimeScalar>)).Description("When it was made.");
    }
}

public sealed class ReportDeliveryType : ObjectGraphType<ReportDelivery>
{
    public ReportDeliveryType()
    {
        Name = "ReportDelivery";
        Description = "One e-mail about one report run: the report to a subscriber, or a notice to the administrator.";
        Field(d => d.Kind, type: typeof(NonNullGraphType<EnumType<DeliveryKind>>)).Description("What it carries.");
        Field(d => d.Address).Description("Where it goes.");
        Field(d => d.Status, type: typeof(NonNullGraphType<EnumType<DeliveryStatus>>)).Description("Where it stands.");
        Field(d => d.Attempts).Description("Attempts so far.");
        Field(d => d.SentAt, type: typeof(DateTimeScalar)).Description("When the mail server accepted it.");
        Field(d => d.NextAttemptAt, type: typeof(NonNullGraphType<DateTimeScalar>)).Description("When a pending message is (re)tried.");
        Field(d => d.Error, nullable: true).Description("Why the last attempt failed.");
    }
}

public static class SubscriptionQueries
{
    public static void AddReportSubscriptionQueries(this ObjectGraphType query) =>
        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<ReportSubscriptionType>>>>("reportSubscriptions")
            .Description("报表订阅: who receives which scheduled report by e-mail (active ones; all with includeInactive).")
            .RequireRoles(Role.Admin)
            .Argument<BooleanGraphType>("includeInactive", "Also the ones unsubscribed.")
            .ResolveAsync(async c =>
            {
                var all = c.GetArgument("includeInactive", false);
                return await c.Db().ReportSubscriptions.Where(s => all || s.Active).OrderBy(s => s.Report).ThenBy(s => s.Id).ToListAsync(c.CancellationToken);
            });

    /// <summary>ReportRun.deliveries, for administrators: one statement for every run of the page.</summary>
    public static void AddDeliveries(this ObjectGraphType<ReportRun> run) =>
        run.Field<NonNullGraphType<ListGraphType<NonNullGraphType<ReportDeliveryType>>>>("deliveries")
            .Description("The e-mails about this run (ADMIN only: addresses are the administrator's business).")
            .RequireRoles(Role.Admin)
            .Resolve(c =>
            {
                var factory = c.DbFactory();
                return c.Loaders().GetOrAdd<int, IReadOnlyList<ReportDelivery>>("ReportRun.deliveries", async (ids, ct) =>
                {
                    var keys = ids.ToArray();
                    await using var db = await factory.CreateDbContextAsync(ct);
                    var rows = await db.ReportDeliveries.Where(d => keys.Contains(d.RunId)).OrderBy(d => d.Id).ToListAsync(ct);
                    return rows.GroupBy(d => d.RunId).ToDictionary(g => g.Key, g => (IReadOnlyList<ReportDelivery>)[.. g]);
                }, missing: []).Load(c.Source.Id);
            });
}
