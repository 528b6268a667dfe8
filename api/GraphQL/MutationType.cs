using GraphQL.Types;
using PetitionGraph.Api.Access;
using PetitionGraph.Api.Campaigns;
using PetitionGraph.Api.Cases.Mutations;
using PetitionGraph.Api.Categories;
using PetitionGraph.Api.Leaders;
using PetitionGraph.Api.Periods;
using PetitionGraph.Api.Reminders;
using PetitionGraph.Api.Reports;
using PetitionGraph.Api.Reports.Mail;
using PetitionGraph.Api.Settlement;
using PetitionGraph.Api.Teams;
using PetitionGraph.Api.Units;
using PetitionGraph.Api.Villages;
using PetitionGraph.Api.Webhooks;

namespace PetitionGraph.Api.GraphQL;

/// <summary>
/// Every mutation runs in one transaction and reports refusals in its payload's userErrors. Who may call which is
/// decided here, for all of them: case work by the office and village handlers (within their scope), reference data
/// by administrators, campaigns by administrators and the office, reports by the roles that see every case.
/// </summary>
public sealed class MutationType : ObjectGraphType
{
    private static readonly Role[] CaseWork = [Role.Office, Role.VillageHandler];
    private static readonly Role[] ReferenceData = [Role.Admin];
    private static readonly Role[] Campaigns = [Role.Admin, Role.Office];
    private static readonly Role[] Reports = [Role.Admin, Role.Office, Role.Analyst];

    public MutationType()
    {
        Name = "Mutation";
        Description = "办理: every change, one transaction each; a refused change returns userErrors and changes nothing.";
        this.AddRegisterPetition();
        // District systems forward petitions they received (scope petitions:write).
        Require([.. CaseWork, Role.Integration]);
        this.AddCaseStepMutations();
        // Leaders record their own part (批示, 督办, 接访, 协调) on the cases they own; the step checks the kind.
        Fields.Single(f => f.Name == "recordActivity").RequireRoles([.. CaseWork, Role.Leader]);
        // A unit takes, answers or returns its own referrals (the step checks it is the unit's).
        foreach (var unitStep in new[] { "acceptReferral", "replyToReferral", "returnReferral" })
        {
            Fields.Single(f => f.Name == unitStep).RequireRoles(Role.Unit);
        }
        Require(CaseWork);
        this.AddNotificationMutations();
        Fields.Single(f => f.Name == "markNotificationsRead").RequireRoles(NotificationQueries.Inbox);
        this.AddVillageMutations();
        this.AddLeaderMutations();
        this.AddCategoryMutations();
        this.AddUnitMutations();
        this.AddSettlementMutations();
        Require(ReferenceData);
        this.AddApiClientMutations();
        this.AddWebhookMutations();
        this.AddReportSubscriptionMutations();
        Require(ReferenceData);
        this.AddCampaignMutations();
        this.AddTeamMutations();
        this.AddPeriodMutations();
        Require(Campaigns);
        this.AddReportMutations();
        Require(Reports);
    }

    /// <summary>Gives every mutation added so far without a requirement these roles.</summary>
    private void Require(Role[] roles)
    {
        foreach (var field in Fields.Where(f => f.RequiredRoles() is null))
        {
            field.RequireRoles(roles);
        }
    }
}
