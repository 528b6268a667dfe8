using GraphQL.Types;
using PetitionGraph.Api.Cases;
using PetitionGraph.Api.GraphQL.Relay;

namespace PetitionGraph.Api.Categories;

public sealed class CategoryType : ObjectGraphType<Category>
{
    public CategoryType()
    {
        this.NodeId("Category");
        Description = "领域: domain category of cases (征地拆迁, 劳资纠纷, …).";
        Field(c => c.Code).Description("Stable code, e.g. LAND; used in inputs and ledgers.");
        Field(c => c.NameZh).Description("Chinese name.");
        Field(c => c.NameEn).Description("English name.");
        Field(c => c.Active).Description("false once deactivated: kept for history, not offered for new cases.");
        this.Connection<Category, CaseType, Case>("cases", "Cases in this category.")
            .Resolve(c => c.LoadConnection("cases", (Category cat) => cat.Cases));
    }
}
