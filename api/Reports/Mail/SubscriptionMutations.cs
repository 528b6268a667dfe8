using GraphQL;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using PetitionGraph.Api.Access;
using PetitionGraph.Api.Data;
using PetitionGraph.Api.GraphQL;
using PetitionGraph.Api.GraphQL.Mutations;
using PetitionGraph.Api.GraphQL.Relay;
using PetitionGraph.Api.GraphQL.Scalars;
using PetitionGraph.Api.Language;
using PetitionGraph.Reporting;
using PetitionGraph.Reporting.Kinds;

namespace PetitionGraph.Api.Reports.Mail;

public sealed record SubscribeToReportInput(ReportKind Report, string? Address, Role? Role) : IMutationInput<SubscribeToReportInput>
{
    public static void Declare(InputObjectGraphType<SubscribeToReportInput> type)
    {
        type.Field(x => x.Report, type: typeof(NonNullGraphType<EnumType<ReportKind>>)).Description("Which scheduled report.");
        type.Field(x => x.Address, type: typeof(StringGraphType)).Description("An e-mail address; omitted: the role's mailbox (Mail:Mailboxes).");
        type.Field(x => x.Role, type: typeof(EnumType<Role>))
            .Description("The role the recipient holds (ADMIN, OFFICE or ANALYST; ANALYST when omitted): a report with names is mailed only to roles that may read them.");
    }
}

public sealed record UnsubscribeFromReportInput(string SubscriptionId) : IMutationInput<UnsubscribeFromReportInput>
{
    public static void Declare(InputObjectGraphType<UnsubscribeFromReportInput> type) =>
        type.Field(x => x.SubscriptionId, type: typeof(NonNullGraphType<IdGraphType>)).Description("The subscription (global id).");
}

public sealed record ReportSubscriptionPayload(ReportSubscription? Subscription, IReadOnlyList<UserError> UserErrors);

public static class SubscriptionMutations
{
    public static void AddReportSubscriptionMutations(this ObjectGraphType mutation)
    {
        mutation.Field("subscribeToReport", new NonNullGraphType(Payload("SubscribeToReportPayload")))
            .Description("Mail a scheduled report to an address or a role's mailbox each time it is made (ADMIN).")
            .Argument(new NonNullGraphType(new MutationInputType<SubscribeToReportInput>("SubscribeToReportInput")), "input")
            .ResolveAsync(async c =>
            {
                var input = c.GetArgument<SubscribeToReportInput>("input");
                var role = input.Role ?? Role.Analyst;
                var address = string.IsNullOrWhiteSpace(input.Address) ? null : input.Address.Trim();
                if (Refusal(address, role, c.RequestServices!.GetRequiredService<MailOptions>()) is { } error)
                {
                    return new ReportSubscriptionPayload(null, [error]);
                }
                var db = c.Db();
                var name = ReportDefinitions.For(input.Report).Name;
                var roleName = role;
                if (await db.ReportSubscriptions.AnyAsync(s => s.Active && s.Report == name && s.Role == roleName && s.Address == address, c.CancellationToken))
                {
                    return new ReportSubscriptionPayload(null, [UserError.Validation("address",
                        new Msg($"{address ?? EnumNames.Name(role) + " 角色邮箱"} 已订阅报表 {name}。", $"{address ?? EnumNames.Name(role) + "'s mailbox"} already receives {name}."))]);
                }
                var subscription = new ReportSubscription
                {
                    Report = name,
                    Address = address,
                    Role = role,
                    CreatedBy = c.Scope().Caller!.Name,
                    CreatedAt = c.RequestServices!.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime,
                };
                db.ReportSubscriptions.Add(subscription);
                await db.SaveChangesAsync(c.CancellationToken);
                return new ReportSubscriptionPayload(subscription, []);
            });
        mutation.Field("unsubscribeFromReport", new NonNullGraphType(Payload("UnsubscribeFromReportPayload")))
            .Description("Stop mailing a report to a subscriber (the delivery log is kept) (ADMIN).")
            .Argument(new NonNullGraphType(new MutationInputType<UnsubscribeFromReportInput>("UnsubscribeFromReportInput")), "input")
            .ResolveAsync(async c =>
            {
                var input = c.GetArgument<UnsubscribeFromReportInput>("input");
                var db = c.Db();
                var id = GlobalId.TryDecode(input.SubscriptionId, out var type, out var key) && type == "ReportSubscription" ? key : -1;
                var subscription = await db.ReportSubscriptions.AsTracking().FirstOrDefaultAsync(s => s.Id == id && s.Active, c.CancellationToken);
                if (subscription is null)
                {
                    return new ReportSubscriptionPayload(null, [UserError.NotFound("subscriptionId",
                        new Msg($"没有编号为 {input.SubscriptionId} 的有效报表订阅。", $"There is no active report subscription {input.SubscriptionId}."))]);
                }
                subscription.Active = false;
                await db.SaveChangesAsync(c.CancellationToken);
                return new ReportSubscriptionPayload(subscription, []);
            });
    }

    private static UserError? Refusal(string? address, Role role, MailOptions mail)
    {
        if (!ReportMailer.MayReceive(role))
        {
            return UserError.Validation("role", new Msg($"报表涵盖全镇所有信访事项，只发送给 ADMIN、OFFICE 或 ANALYST，不发送给 {EnumNames.Name(role)}。",
                $"Reports cover every case of the town, so they are mailed only to ADMIN, OFFICE or ANALYST; not to {EnumNames.Name(role)}."));
        }
        if (address is null)
        {
            return mail.MailboxOf(role) is null
                ? UserError.Validation("address", new Msg($"请填写邮箱地址，或配置 {EnumNames.Name(role)} 角色邮箱（Mail:Mailboxes:{EnumNames.Name(role)}）。",
                    $"Give an address, or configure the {EnumNames.Name(role)} mailbox (Mail:Mailboxes:{EnumNames.Name(role)})."))
                : null;
        }
        return MailOptions.IsAddress(address)
            ? null
            : UserError.Validation("address", new Msg($"“{address}”不是电子邮箱地址（如 name@example.org）。", $"'{address}' is not an e-mail address (name@example.org)."));
    }

    private static ObjectGraphType<ReportSubscriptionPayload> Payload(string name)
    {
        var payload = new ObjectGraphType<ReportSubscriptionPayload> { Name = name, Description = "The subscription after the change, or why nothing changed." };
        payload.Field<ReportSubscriptionType>("subscription").Description("Null when refused.").Resolve(c => c.Source.Subscription);
        payload.Field<NonNullGraphType<ListGraphType<NonNullGraphType<UserErrorType>>>>("userErrors").Description("Empty on success.").Resolve(c => c.Source.UserErrors);
        return payload;
    }
}
