using System.Collections.Frozen;
using GraphQL;
using GraphQL.DataLoader;
using GraphQL.Types;
using PetitionGraph.Api.Cases;
using PetitionGraph.Api.Categories;
using PetitionGraph.Api.GraphQL.DataLoading;
using PetitionGraph.Api.GraphQL.Errors;
using PetitionGraph.Api.GraphQL.Relay;
using PetitionGraph.Api.Language;
using PetitionGraph.Api.Leaders;
using PetitionGraph.Api.Petitioners;
using PetitionGraph.Api.Petitions;
using PetitionGraph.Api.Villages;

namespace PetitionGraph.Api.GraphQL;

/// <summary>Relay's <c>node</c> and <c>nodes</c>: any object by its global id, through the same loaders and scope.</summary>
public static class NodeQueries
{
    private const int MaxIds = 100;

    private static readonly FrozenDictionary<string, Func<IResolveFieldContext, int, IDataLoaderResult>> ByType =
        new Dictionary<string, Func<IResolveFieldContext, int, IDataLoaderResult>>
        {
            ["Case"] = (c, id) => c.LoadById<Case>(id),
            ["Petition"] = (c, id) => c.LoadById<Petition>(id),
            ["Petitioner"] = (c, id) => c.LoadById<Petitioner>(id),
            ["Leader"] = (c, id) => c.LoadById<Leader>(id),
            ["LeaderAssignment"] = (c, id) => c.LoadById<LeaderAssignment>(id),
            ["Village"] = (c, id) => c.LoadById<Village>(id),
            ["Category"] = (c, id) => c.LoadById<Category>(id),
            ["CaseEvent"] = (c, id) => c.LoadById<CaseEvent>(id),
            ["CaseActivity"] = (c, id) => c.LoadById<CaseActivity>(id),
            ["Evaluation"] = (c, id) => c.LoadById<Evaluation>(id),
            ["CasePlanStep"] = (c, id) => c.LoadById<CasePlanStep>(id),
            ["ResponsibleUnit"] = (c, id) => c.LoadById<Units.ResponsibleUnit>(id),
            ["Referral"] = (c, id) => c.LoadById<Units.Referral>(id),
            ["Team"] = (c, id) => c.LoadById<Teams.Team>(id),
            ["SettlementWay"] = (c, id) => c.LoadById<Settlement.SettlementWay>(id),
            ["ReportRun"] = Reports.ReportRunNode.Load,
        }.ToFrozenDictionary();

    public static void AddNodeQueries(this ObjectGraphType query)
    {
        query.Field<NodeInterface>("node")
            .Description("Any object by its global id; null when it does not exist or you may not see it.")
            .Argument<NonNullGraphType<IdGraphType>>("id", "A global id, as every object's id field gives it.")
            .Resolve(c => Load(c, c.GetArgument<string>("id")));
        query.Field<NonNullGraphType<ListGraphType<NodeInterface>>>("nodes")
            .Description($"Several objects by global id (at most {MaxIds}), in the order asked.")
            .Argument<NonNullGraphType<ListGraphType<NonNullGraphType<IdGraphType>>>>("ids", "Global ids, as the objects' id fields give them.")
            .ResolveAsync(async c =>
            {
                var ids = c.GetArgument<List<string>>("ids");
                if (ids.Count > MaxIds)
                {
                    throw new QueryError(ErrorCodes.PageSize, new Msg($"nodes 最多接受 {MaxIds} 个编号，本次给了 {ids.Count} 个。", $"nodes takes at most {MaxIds} ids; {ids.Count} were given."));
                }
                var pending = ids.Select(id => Load(c, id)).ToList();
                var nodes = new List<object?>(pending.Count);
                foreach (var result in pending)
                {
                    nodes.Add(await result.GetResultAsync(c.CancellationToken));
                }
                return nodes;
            });
    }

    private static IDataLoaderResult Load(IResolveFieldContext context, string globalId)
    {
        var (typeName, id) = GlobalId.Decode(globalId);
        return ByType.TryGetValue(typeName, out var load)
            ? load(context, id)
            : throw new QueryError(ErrorCodes.InvalidId, new Msg($"“{globalId}”不是有效编号：没有“{typeName}”这种对象。", $"'{globalId}' is not a valid id: no object type '{typeName}'."));
    }
}
