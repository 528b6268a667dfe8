using GraphQL;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using PetitionGraph.Api.GraphQL;
using PetitionGraph.Api.GraphQL.Errors;
using PetitionGraph.Api.GraphQL.Relay;
using PetitionGraph.Api.GraphQL.Scalars;
using PetitionGraph.Api.Language;

namespace PetitionGraph.Api.Access;

public sealed record AuditPage(IReadOnlyList<AuditEntry> Nodes, bool HasNextPage, string? EndCursor);

public sealed class AuditEntryType : ObjectGraphType<AuditEntry>
{
    public AuditEntryType()
    {
        Name = "AuditEntry";
        Description = "A read of unmasked personal data (or a purge): append-only.";
        Field<NonNullGraphType<IdGraphType>>("id").Description("Global id of the entry.").Resolve(c => GlobalId.Encode("AuditEntry", c.Source.Id));
        Field(a => a.At, type: typeof(NonNullGraphType<DateTimeScalar>)).Description("When the read or change happened.");
        Field(a => a.Actor).Description("The account that read or changed.");
        Field(a => a.Role).Description("The role it acted in.");
        Field(a => a.Action).Description("READ, REPORT, DOWNLOAD, MAIL or PURGE (personal data); CREATE, UPDATE or DELETE (configuration).");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<IdGraphType>>>>("petitionerIds")
            .Description("The petitioners whose data was read; empty for a report run.")
            .Resolve(c => c.Source.PetitionerIds.Select(id => GlobalId.Encode("Petitioner", id)).ToList());
        Field(a => a.Subject, nullable: true).Description("What was read (a case number, report or file) or changed (Village:3, Campaign:1, …).");
        Field(a => a.Fields).Description("The fields read or changed, comma-separated (* for a whole row created or deleted).");
        Field(a => a.Operation).Description("The GraphQL operation (name, or the start of its text) or the command.");
    }
}

public sealed class AuditPageType : ObjectGraphType<AuditPage>
{
    public AuditPageType()
    {
        Name = "AuditPage";
        Description = "A page of the audit trail, newest first.";
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<AuditEntryType>>>>("nodes").Description("The entries of this page.").Resolve(c => c.Source.Nodes);
        Field(p => p.HasNextPage).Description("More entries follow.");
        Field(p => p.EndCursor, nullable: true).Description("Pass as `after` for the next page.");
        // As a Relay connection gives it, so clients and the workbench export page through the trail the same way.
        Field<NonNullGraphType<PageInfoType>>("pageInfo").Description("hasNextPage and endCursor, as a connection gives them.")
            .Resolve(c => new PageInfo(c.Source.HasNextPage, false, null, c.Source.EndCursor));
    }
}

public static class AuditQueries
{
    private const int MaxPage = 100;

    public static void AddAuditQueries(this ObjectGraphType query)
    {
        query.Field<NonNullGraphType<AuditPageType>>("auditTrail")
            .Description("The audit trail, newest first: every personal-data read, and every change a person made to configuration (reference data, " +
                "teams, campaigns, closed periods, API clients, subscriptions, reminder mailboxes). ADMIN only; POST /graphql/export?format=csv exports it.")
            .RequireRoles(Role.Admin)
            .Argument<StringGraphType>("actor", "Only reads by this account.")
            .Argument<IdGraphType>("petitionerId", "Only reads of this petitioner's data (who looked at me?).")
            .Argument<StringGraphType>("action", "Only this action: READ, REPORT, DOWNLOAD, MAIL, PURGE, CREATE, UPDATE or DELETE.")
            .Argument<DateTimeScalar>("from", "From this instant (inclusive).")
            .Argument<DateTimeScalar>("to", "Until this instant (exclusive).")
            .Argument<IntGraphType>("first", $"Page size, at most {MaxPage} (default 50).")
            .Argument<StringGraphType>("after", "Cursor: endCursor of the previous page.")
            .ResolveAsync(async c =>
            {
                var first = c.GetArgument("first", 50);
                if (first is < 0 or > MaxPage)
                {
                    throw new QueryError(ErrorCodes.PageSize, new Msg($"first 须在 0 到 {MaxPage} 之间。", $"first must be between 0 and {MaxPage}."));
                }
                var entries = c.Db().AuditEntries.AsQueryable();
                if (c.GetArgument<string?>("actor") is { } actor)
                {
                    entries = entries.Where(a => a.Actor == actor);
                }
                if (c.GetArgument<string?>("petitionerId") is { } petitioner)
                {
                    var id = GlobalId.TryDecode(petitioner, out var type, out var key) && type == "Petitioner" ? key
                        : throw new QueryError(ErrorCodes.InvalidId, new Msg($"“{petitioner}”不是信访人编号。", $"'{petitioner}' is not a petitioner id."));
                    entries = entries.Where(a => a.PetitionerIds.Contains(id));
                }
                if (c.GetArgument<string?>("action") is { } action)
                {
                    entries = entries.Where(a => a.Action == action);
                }
                if (c.GetArgument<DateTime?>("from") is { } from)
                {
                    entries = entries.Where(a => a.At >= from);
                }
                if (c.GetArgument<DateTime?>("to") is { } to)
                {
                    entries = entries.Where(a => a.At < to);
                }
                if (c.GetArgument<string?>("after") is { } after)
                {
                    var before = int.TryParse(after, System.Globalization.CultureInfo.InvariantCulture, out var cursor) ? cursor
                        : throw new QueryError(ErrorCodes.InvalidCursor, new Msg($"“{after}”不是审计记录的游标。", $"'{after}' is not a cursor of the audit trail."));
                    entries = entries.Where(a => a.Id < before);
                }
                var page = await entries.OrderByDescending(a => a.Id).Take(first + 1).ToListAsync(c.CancellationToken);
                var nodes = page.Take(first).ToList();
                return new AuditPage(nodes, page.Count > first, nodes.Count > 0 ? nodes[^1].Id.ToString(System.Globalization.CultureInfo.InvariantCulture) : null);
            });
    }
}
