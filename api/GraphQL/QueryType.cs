using GraphQL.Types;
using PetitionGraph.Api.Access;
using PetitionGraph.Api.Campaigns;
using PetitionGraph.Api.Cases;
using PetitionGraph.Api.Categories;
using PetitionGraph.Api.Changes;
using PetitionGraph.Api.Leaders;
using PetitionGraph.Api.Ledgers;
using PetitionGraph.Api.Periods;
using PetitionGraph.Api.Petitioners;
using PetitionGraph.Api.Petitions;
using PetitionGraph.Api.Reminders;
using PetitionGraph.Api.Reports;
using PetitionGraph.Api.Reports.Mail;
using PetitionGraph.Api.Settlement;
using PetitionGraph.Api.Statistics;
using PetitionGraph.Api.Teams;
using PetitionGraph.Api.Units;
using PetitionGraph.Api.Villages;
using PetitionGraph.Api.Webhooks;
using PetitionGraph.Api.Work;

namespace PetitionGraph.Api.GraphQL;

public sealed class QueryType : ObjectGraphType
{
    public QueryType()
    {
        Name = "Query";
        Description = "查询: everything you may read — cases, petitions, reference data, figures, reports, the change feed — within your role's scope.";
        this.AddNodeQueries();
        this.AddCaseQueries();
        this.AddPetitionQueries();
        this.AddPetitionerQueries();
        this.AddLeaderQueries();
        this.AddVillageQueries();
        this.AddCategoryQueries();
        this.AddStatisticsQueries();
        this.AddCampaignQueries();
        this.AddDistrictFigureQueries();
        this.AddReportQueries();
        this.AddReportSubscriptionQueries();
        this.AddPeriodQueries();
        this.AddAuditQueries();
        this.AddLedgerQueries();
        this.AddChangeQueries();
        this.AddWorkQueries();
        this.AddNotificationQueries();
        this.AddUnitQueries();
        this.AddTeamQueries();
        this.AddSettlementQueries();
        this.AddWebhookQueries();
    }
}
