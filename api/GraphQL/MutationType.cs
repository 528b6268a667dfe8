using GraphQL.Types;
using PetitionGraph.Api.Campaigns;
using PetitionGraph.Api.Cases.Mutations;
using PetitionGraph.Api.Categories;
using PetitionGraph.Api.Leaders;
using PetitionGraph.Api.Reports;
using PetitionGraph.Api.Villages;

namespace PetitionGraph.Api.GraphQL;

/// <summary>Every mutation runs in one transaction and reports refusals in its payload's userErrors.</summary>
public sealed class MutationType : ObjectGraphType
{
    public MutationType()
    {
        Name = "Mutation";
        this.AddRegisterPetition();
        this.AddCaseStepMutations();
        this.AddVillageMutations();
        this.AddLeaderMutations();
        this.AddCategoryMutations();
        this.AddCampaignMutations();
        this.AddReportMutations();
    }
}
