using GraphQL;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using PetitionGraph.Api.Access;
using PetitionGraph.Api.Cases;
using PetitionGraph.Api.GraphQL;
using PetitionGraph.Api.GraphQL.DataLoading;
using PetitionGraph.Api.GraphQL.Projection;
using PetitionGraph.Api.GraphQL.Relay;
using PetitionGraph.Api.GraphQL.Scalars;
using PetitionGraph.Api.Work;

namespace PetitionGraph.Api.Reminders;

public static class NotificationQueries
{
    private const int DefaultFirst = 50;
    private const int MaxFirst = 500;

    /// <summary>The roles with an inbox: the office, village handlers, leaders, responsible units.</summary>
    public static readonly Role[] Inbox = [Role.Office, Role.VillageHandler, Role.Leader, Role.Unit];

    /// <summary>
    /// The reminders in the caller's inboxes about cases the caller may see now — the scope applies at every read, so a
    /// case that accuses the caller, or left their villages, is not listed even if a reminder about it exists.
    /// </summary>
    public static IQueryable<Notification> Mine(IResolveFieldContext context)
    {
        var scope = context.Scope();
        var inboxes = Recipients.Of(scope.Caller!).ToList();
        var visible = context.Db().Cases.Where(scope.Cases).Select(c => c.Id);
        return context.Db().Notifications.Where(n => inboxes.Contains(n.Recipient) && visible.Contains(n.CaseId));
    }

    public static void AddNotificationQueries(this ObjectGraphType query)
    {
        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<NotificationType>>>>("notifications")
            .Description("提醒: your reminders, newest first (of those made together, the soonest due first) — due soon, due today, overdue and (for the office) escalated steps. The office reads the " +
                "office's inbox, a village handler their villages', a leader their own, a unit its referrals'; a reminder is withdrawn when its step is done.")
            .RequireRoles(Inbox)
            .Argument<BooleanGraphType>("unread", "true: only unread; false: only read; omitted: both.")
            .Argument<BooleanGraphType>("includeWithdrawn", "Also the reminders withdrawn because their step was done (default false).")
            .Argument<IntGraphType>("first", $"At most this many (default {DefaultFirst}, at most {MaxFirst}).")
            .ResolveAsync(async c =>
            {
                var first = Math.Clamp(c.GetArgument("first", DefaultFirst), 1, MaxFirst);
                var rows = Mine(c);
                if (!c.GetArgument("includeWithdrawn", false))
                {
                    rows = rows.Where(n => n.WithdrawnAt == null);
                }
                if (c.GetArgument<bool?>("unread") is { } unread)
                {
                    rows = unread ? rows.Where(n => n.ReadAt == null) : rows.Where(n => n.ReadAt != null);
                }
                // Newest first; of those made together, the most urgent first.
                return await rows.OrderByDescending(n => n.CreatedAt).ThenBy(n => n.DueAt).ThenBy(n => n.Id).Take(first).ToListAsync(c.CancellationToken);
            });
        query.Field<NonNullGraphType<IntGraphType>>("unreadNotifications")
            .Description("How many of your live reminders are unread (the badge).")
            .RequireRoles(Inbox)
            .ResolveAsync(async c => (object?)await Mine(c).CountAsync(n => n.WithdrawnAt == null && n.ReadAt == null, c.CancellationToken));
    }
}

public sealed class NotificationType : ObjectGraphType<Notification>
{
    public NotificationType()
    {
        Name = "Notification";
        Description = "提醒: a step of a case coming due or overdue, in your inbox.";
        Field<NonNullGraphType<IdGraphType>>("id").Description("Global id (for markNotificationsRead).").Resolve(c => GlobalId.Encode("Notification", c.Source.Id));
        Field(n => n.Kind, type: typeof(NonNullGraphType<EnumType<ReminderKind>>)).Description("Due soon, due today, overdue or escalated.");
        Field(n => n.Step, type: typeof(NonNullGraphType<EnumType<WorkKind>>)).Description("Which step is due.");
        Field<NonNullGraphType<CaseType>>("case").Description("The case.").Reads(nameof(Notification.CaseId)).Resolve(c => c.LoadById<Case>(c.Source.CaseId));
        Field(n => n.DueAt, type: typeof(NonNullGraphType<DateTimeScalar>)).Description("The step's due instant when the reminder was made.");
        Field(n => n.Threshold).Description("DUE_SOON: the threshold reached (days before); otherwise 0.");
        Field<NonNullGraphType<StringGraphType>>("text").Description("The reminder in the office's words, counted from now (e.g. 【还有 3 天到期】 办理答复).")
            .Reads(nameof(Notification.Kind), nameof(Notification.DueAt), nameof(Notification.Step))
            .Resolve(c => $"【{DigestText.Urgency(c.Source.Kind, c.Source.DueAt, c.QueryContext().Now, c.RequestServices!.GetRequiredService<OfficeTime>())}】" +
                DigestText.StepName(c.Source.Step, null));
        Field<CasePlanStepType>("planStep").Description("PLAN_STEP: the step of the plan (its task and owner); null for the case's own step.")
            .Reads(nameof(Notification.PlanStepId))
            .Resolve(c => c.Source.PlanStepId is { } id ? c.LoadById<CasePlanStep>(id) : null);
        Field(n => n.CreatedAt, type: typeof(NonNullGraphType<DateTimeScalar>)).Description("When it was made.");
        Field<NonNullGraphType<BooleanGraphType>>("read").Description("Someone of this inbox marked it read.").Reads(nameof(Notification.ReadAt)).Resolve(c => c.Source.ReadAt != null);
        Field(n => n.ReadAt, type: typeof(DateTimeScalar)).Description("When it was marked read.");
        Field(n => n.WithdrawnAt, type: typeof(DateTimeScalar)).Description("When it was withdrawn because its step was done or moved; null while live.");
        Field<NonNullGraphType<BooleanGraphType>>("mailed").Description("It went out in a daily e-mail digest.").Reads(nameof(Notification.DigestId)).Resolve(c => c.Source.DigestId != null);
    }
}
