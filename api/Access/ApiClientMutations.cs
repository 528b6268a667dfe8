using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using PetitionGraph.Api.GraphQL;
using PetitionGraph.Api.GraphQL.Mutations;
using PetitionGraph.Api.GraphQL.Relay;
using PetitionGraph.Api.Language;
using static PetitionGraph.Api.GraphQL.ReferenceMutations;

namespace PetitionGraph.Api.Access;

/// <summary>An API client as shown to administrators; <see cref="Key"/> only in the payload that created it.</summary>
public sealed record ApiClientView(ApiClient Client, string? Key);

public sealed class ApiClientType : ObjectGraphType<ApiClientView>
{
    public ApiClientType()
    {
        Name = "ApiClient";
        Description = "A district system calling with an API key (X-Api-Key); only persisted documents, within its scopes.";
        Field<NonNullGraphType<IdGraphType>>("id").Description("Global id of the client.").Resolve(c => GlobalId.Encode("ApiClient", c.Source.Client.Id));
        Field<NonNullGraphType<StringGraphType>>("name").Description("Which system it is, e.g. 区信访信息系统.").Resolve(c => c.Source.Client.Name);
        Field<NonNullGraphType<StringGraphType>>("scopes").Description("What it may do, space-separated: cases:read, statistics:read, petitions:write.").Resolve(c => c.Source.Client.Scopes);
        Field<NonNullGraphType<BooleanGraphType>>("active").Description("false once deactivated: its key no longer works.").Resolve(c => c.Source.Client.Active);
        Field<StringGraphType>("key").Description("The API key, shown once when the client is created; only its hash is stored.").Resolve(c => c.Source.Key);
    }
}

public sealed record CreateApiClientInput(string Name, IReadOnlyList<string> Scopes) : IMutationInput<CreateApiClientInput>
{
    public static void Declare(InputObjectGraphType<CreateApiClientInput> type)
    {
        type.Field(x => x.Name, type: typeof(NonNullGraphType<StringGraphType>)).Description("Which system it is, e.g. 区信访信息系统.");
        type.Field(x => x.Scopes, type: typeof(NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>)).Description("cases:read, statistics:read, petitions:write.");
    }
}

public sealed record ApiClientIdInput(string ClientId) : IMutationInput<ApiClientIdInput>
{
    public static void Declare(InputObjectGraphType<ApiClientIdInput> type) =>
        type.Field(x => x.ClientId, type: typeof(NonNullGraphType<IdGraphType>)).Description("The client to deactivate.");
}

public static class ApiClientMutations
{
    public static void AddApiClientMutations(this ObjectGraphType mutation)
    {
        mutation.AddReferenceMutation<ApiClientType, CreateApiClientInput>("createApiClient", "Register a district system; the payload holds its API key, once.", "client",
            async (i, db) =>
            {
                var name = i.Name.Trim();
                if (Validate.Text("name", name, 100) is { } invalid)
                {
                    return (null, invalid);
                }
                var scopes = i.Scopes.Select(s => s.Trim()).Distinct().ToList();
                if (scopes.Count == 0 || scopes.Any(s => !ApiClient.ScopeFields.ContainsKey(s)))
                {
                    return (null, UserError.Validation("scopes", new Msg($"scopes 须为以下一项或多项：{string.Join("、", ApiClient.ScopeFields.Keys)}。",
                        $"Scopes are one or more of {string.Join(", ", ApiClient.ScopeFields.Keys)}.")));
                }
                if (await db.ApiClients.AnyAsync(c => c.Name == name))
                {
                    return (null, new UserError(UserErrorCode.Conflict, new Msg($"名为 {name} 的接口客户端已存在。", $"A client called {name} exists already."), ["input", "name"]));
                }
                var key = ApiClient.NewKey();
                var client = new ApiClient { Name = name, KeyHash = ApiClient.Hash(key), Scopes = string.Join(' ', scopes), CreatedAt = DateTime.UtcNow };
                db.ApiClients.Add(client);
                return (new ApiClientView(client, key), null);
            });
        mutation.AddReferenceMutation<ApiClientType, ApiClientIdInput>("deactivateApiClient", "Revoke a client's key.", "client",
            async (i, db) => await FindAsync<ApiClient>(db, i.ClientId, "ApiClient") is not { } client
                ? (null, UserError.NotFound("clientId", new Msg($"没有编号为 {i.ClientId} 的接口客户端。", $"There is no API client {i.ClientId}.")))
                : (new ApiClientView(Change(client, c => c.Active = false), null), null));
    }
}
