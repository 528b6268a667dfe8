using GraphQL;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using PetitionGraph.Api.GraphQL;
using PetitionGraph.Api.GraphQL.Mutations;
using PetitionGraph.Api.GraphQL.Relay;
using PetitionGraph.Api.Language;

namespace PetitionGraph.Api.Reminders;

public sealed record MarkNotificationsReadInput(IReadOnlyList<string>? Ids, bool? All) : IMutationInput<MarkNotificationsReadInput>
{
    public static void Declare(InputObjectGraphType<MarkNotificationsReadInput> type)
    {
        type.Field(x => x.Ids, type: typeof(ListGraphType<NonNullGraphType<IdGraphType>>)).Description("The reminders (global ids) to mark read.");
        type.Field(x => x.All, type: typeof(BooleanGraphType)).Description("true: every live unread reminder in your inboxes.");
    }
}

public sealed record SetReminderMailboxInput(string? LeaderId, string? VillageCode, string? UnitCode, bool? Office, string? Address) : IMutationInput<SetReminderMailboxInput>
{
    public static void Declare(InputObjectGraphType<SetReminderMailboxInput> type)
    {
        type.Field(x => x.LeaderId, type: typeof(IdGraphType)).Description("A leader's digest …");
        type.Field(x => x.VillageCode, type: typeof(StringGraphType)).Description("… or a village's handlers' digest …");
        type.Field(x => x.UnitCode, type: typeof(StringGraphType)).Description("… or a responsible unit's …");
        type.Field(x => x.Office, type: typeof(BooleanGraphType)).Description("… or the office's (escalations; without one, Mail:Mailboxes:OFFICE). Exactly one of the four.");
        type.Field(x => x.Address, type: typeof(StringGraphType)).Description("The work e-mail address; null or empty: no digest is mailed.");
    }
}

public sealed record MarkNotificationsReadPayload(int Marked, IReadOnlyList<UserError> UserErrors);

public sealed record ReminderMailboxPayload(string? Recipient, string? Address, IReadOnlyList<UserError> UserErrors);

public static class NotificationMutations
{
    public static void AddNotificationMutations(this ObjectGraphType mutation)
    {
        var marked = new ObjectGraphType<MarkNotificationsReadPayload> { Name = "MarkNotificationsReadPayload", Description = "How many reminders were marked read, or why none." };
        marked.Field<NonNullGraphType<IntGraphType>>("marked").Description("Reminders newly marked read.").Resolve(c => c.Source.Marked);
        marked.Field<NonNullGraphType<ListGraphType<NonNullGraphType<UserErrorType>>>>("userErrors").Description("Empty on success.").Resolve(c => c.Source.UserErrors);
        mutation.Field("markNotificationsRead", new NonNullGraphType(marked))
            .Description("Mark reminders of your inboxes read (for everyone who shares the inbox, e.g. a village's handlers).")
            .Argument(new NonNullGraphType(new MutationInputType<MarkNotificationsReadInput>("MarkNotificationsReadInput")), "input")
            .ResolveAsync(async c =>
            {
                var input = c.GetArgument<MarkNotificationsReadInput>("input");
                if ((input.All == true) == (input.Ids is { Count: > 0 }))
                {
                    return new MarkNotificationsReadPayload(0, [UserError.Validation("ids", new Msg(
                        "请给出要标为已读的提醒的 ids，或设 all: true（二者只能选其一）。", "Give the ids of the reminders to mark read, or all: true (not both)."))]);
                }
                var rows = NotificationQueries.Mine(c).Where(n => n.ReadAt == null);
                if (input.Ids is { Count: > 0 } ids)
                {
                    var keys = new List<int>();
                    foreach (var id in ids)
                    {
                        if (!GlobalId.TryDecode(id, out var type, out var key) || type != "Notification")
                        {
                            return new MarkNotificationsReadPayload(0, [UserError.Validation("ids", new Msg($"“{id}”不是提醒的编号。", $"'{id}' is not a reminder's id."))]);
                        }
                        keys.Add(key);
                    }
                    // Ids of other inboxes are not refused one by one (that would tell they exist): they are not marked.
                    rows = rows.Where(n => keys.Contains(n.Id));
                }
                else
                {
                    // All: the live ones (a withdrawn reminder no longer asks for anything).
                    rows = rows.Where(n => n.WithdrawnAt == null);
                }
                var now = c.QueryContext().Now;
                var by = c.Scope().Caller!.Name;
                var count = await rows.ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAt, now).SetProperty(n => n.ReadBy, by), c.CancellationToken);
                return new MarkNotificationsReadPayload(count, []);
            });

        var mailbox = new ObjectGraphType<ReminderMailboxPayload> { Name = "SetReminderMailboxPayload", Description = "The digest's mailbox after the change, or why nothing changed." };
        mailbox.Field<StringGraphType>("recipient").Description("Whose digest: OFFICE, VILLAGE:code, LEADER:id or UNIT:code; null when refused.").Resolve(c => c.Source.Recipient);
        mailbox.Field<StringGraphType>("address").Description("Where it is mailed now; null: not mailed.").Resolve(c => c.Source.Address);
        mailbox.Field<NonNullGraphType<ListGraphType<NonNullGraphType<UserErrorType>>>>("userErrors").Description("Empty on success.").Resolve(c => c.Source.UserErrors);
        mutation.Field("setReminderMailbox", new NonNullGraphType(mailbox))
            .Description("Set where a leader, a village's handlers, a responsible unit or the office receive the daily reminder digest (ADMIN).")
            .Argument(new NonNullGraphType(new MutationInputType<SetReminderMailboxInput>("SetReminderMailboxInput")), "input")
            .ResolveAsync(async c =>
            {
                var input = c.GetArgument<SetReminderMailboxInput>("input");
                var db = c.Db();
                if (new[] { input.LeaderId is not null, input.VillageCode is not null, input.UnitCode is not null, input.Office == true }.Count(x => x) != 1)
                {
                    return new ReminderMailboxPayload(null, null, [UserError.Validation("leaderId", new Msg(
                        "leaderId、villageCode、unitCode、office: true 须指定且只能指定一项。", "Name exactly one of leaderId, villageCode, unitCode or office: true."))]);
                }
                string recipient;
                if (input.LeaderId is { } leaderId)
                {
                    var id = GlobalId.TryDecode(leaderId, out var type, out var key) && type == "Leader" ? key : -1;
                    if (!await db.Leaders.AnyAsync(l => l.Id == id, c.CancellationToken))
                    {
                        return new ReminderMailboxPayload(null, null, [UserError.NotFound("leaderId", new Msg($"没有编号为 {leaderId} 的领导。", $"There is no leader {leaderId}."))]);
                    }
                    recipient = Recipients.Leader(id);
                }
                else if (input.VillageCode is { } code)
                {
                    if (!await db.Villages.AnyAsync(v => v.Code == code, c.CancellationToken))
                    {
                        return new ReminderMailboxPayload(null, null, [UserError.NotFound("villageCode", new Msg($"没有编号为 {code} 的村（社区）。", $"There is no village {code}."))]);
                    }
                    recipient = Recipients.Village(code);
                }
                else if (input.UnitCode is { } unit)
                {
                    if (!await db.ResponsibleUnits.AnyAsync(u => u.Code == unit, c.CancellationToken))
                    {
                        return new ReminderMailboxPayload(null, null, [UserError.NotFound("unitCode", new Msg($"没有编号为 {unit} 的责任单位。", $"There is no responsible unit {unit}."))]);
                    }
                    recipient = Recipients.Unit(unit);
                }
                else
                {
                    recipient = Recipients.Office;
                }
                var address = string.IsNullOrWhiteSpace(input.Address) ? null : input.Address.Trim();
                if (address is not null && !Reports.Mail.MailOptions.IsAddress(address))
                {
                    return new ReminderMailboxPayload(null, null, [UserError.Validation("address", new Msg(
                        $"“{address}”不是有效的邮箱地址（格式如 name@example.org）。", $"'{address}' is not an e-mail address (name@example.org)."))]);
                }
                var row = await db.ReminderMailboxes.AsTracking().FirstOrDefaultAsync(m => m.Recipient == recipient, c.CancellationToken);
                if (address is null)
                {
                    if (row is not null)
                    {
                        db.ReminderMailboxes.Remove(row);
                    }
                }
                else
                {
                    row ??= db.ReminderMailboxes.Add(new ReminderMailbox { Recipient = recipient, Address = address, ChangedBy = "" }).Entity;
                    row.Address = address;
                    row.ChangedBy = c.Scope().Caller!.Name;
                    row.ChangedAt = c.QueryContext().Now;
                }
                await db.SaveChangesAsync(c.CancellationToken);
                return new ReminderMailboxPayload(recipient, address, []);
            });
    }
}
