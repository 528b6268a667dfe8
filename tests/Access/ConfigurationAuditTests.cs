using System.Net;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using PetitionGraph.Api.Access;
using PetitionGraph.Api.GraphQL.Relay;
using PetitionGraph.Tests.Infrastructure;

namespace PetitionGraph.Tests.Access;

/// <summary>
/// Changes to configuration are audited — who, when, what, which fields — and an administrator exports the trail as CSV
/// through the workbench export; nobody else may read it.
/// </summary>
public abstract class ConfigurationAuditTests(TestHost host)
{
    [Fact]
    public async Task Each_change_to_configuration_is_in_the_audit_trail_with_its_author_and_fields()
    {
        var tag = Guid.NewGuid().ToString("N")[..6];
        var admin = host.ClientAs(Role.Admin, "admin-" + tag);
        // Not "99…": a code starting 9901 would pass for one of the seeded town's villages (SeederTests counts them).
        var code = "AU" + tag;
        var created = await admin.QueryAsync("mutation($code: String!) { createVillage(input: { code: $code, name: \"审计村\", kind: VILLAGE }) { village { id } userErrors { message } } }", new { code });
        Assert.True(created.GetProperty("createVillage").GetProperty("userErrors").GetArrayLength() == 0, created.ToString());
        var village = created.GetProperty("createVillage").GetProperty("village").GetProperty("id").GetString()!;
        var renamed = await admin.QueryAsync("mutation($id: ID!) { renameVillage(input: { villageId: $id, name: \"审计新村\" }) { userErrors { message } } }", new { id = village });
        Assert.Equal(0, renamed.GetProperty("renameVillage").GetProperty("userErrors").GetArrayLength());
        var response = await admin.PostAsync("mutation($code: String!) { setReminderMailbox(input: { villageCode: $code, address: \"audit@town.example\" }) { userErrors { message } } }", new { code });
        // An INTERNAL_ERROR here was seen once on PostgreSQL in a full run: say what the host logged.
        Assert.False(response.HasErrors, response.Body + "\n" + string.Join("\n", host.Log.Entries.Where(e => e.Level >= LogLevel.Error).Select(e => e.Message)));
        var mailbox = response.Data;
        Assert.Equal(0, mailbox.GetProperty("setReminderMailbox").GetProperty("userErrors").GetArrayLength());
        var office = host.ClientAs(Role.Office, "office-" + tag);
        var leader = (await office.QueryAsync("{ leaders(first: 1, where: { active: { eq: true } }) { nodes { id } } }")).GetProperty("leaders").GetProperty("nodes")[0].GetProperty("id").GetString();
        await office.QueryAsync("mutation($name: String!, $head: ID!) { createTeam(input: { name: $name, headLeaderId: $head }) { userErrors { message } } }", new { name = "审计专班" + tag, head = leader });

        var id = GlobalId.Decode(village).Id;
        var trail = await admin.QueryAsync("query($actor: String) { auditTrail(actor: $actor, first: 50) { nodes { actor role action subject fields operation } } }", new { actor = "admin-" + tag });
        var entries = trail.GetProperty("auditTrail").GetProperty("nodes").EnumerateArray()
            .Select(e => $"{e.GetProperty("role").GetString()} {e.GetProperty("action").GetString()} {e.GetProperty("subject").GetString()} {e.GetProperty("fields").GetString()}").ToList();
        var said = string.Join(" | ", entries);
        Assert.True(entries.Contains($"ADMIN CREATE Village:{id} *"), said);
        Assert.True(entries.Contains($"ADMIN UPDATE Village:{id} Name"), said);
        Assert.True(entries.Any(e => e.StartsWith("ADMIN CREATE ReminderMailbox:", StringComparison.Ordinal)), said);
        var teams = await admin.QueryAsync("query($actor: String) { auditTrail(actor: $actor, action: \"CREATE\") { nodes { subject } } }", new { actor = "office-" + tag });
        Assert.Contains(teams.GetProperty("auditTrail").GetProperty("nodes").EnumerateArray(), e => e.GetProperty("subject").GetString()!.StartsWith("Team:", StringComparison.Ordinal));

        // The administrator's CSV of the trail; an office account may not read it, by query or by export.
        var body = JsonSerializer.Serialize(new { query = "query($actor: String) { auditTrail(actor: $actor) { nodes { at actor action subject fields } } }", variables = new { actor = "admin-" + tag } });
        using var csv = await admin.Http.PostAsync("/graphql/export?format=csv", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));
        Assert.True(csv.StatusCode == HttpStatusCode.OK, await csv.Content.ReadAsStringAsync());
        var rows = Workbench.ExportTests.Csv(await csv.Content.ReadAsStringAsync());
        Assert.Equal(["at", "actor", "action", "subject", "fields"], rows[0]);
        Assert.Contains(rows, r => r[2] == "UPDATE" && r[3] == $"Village:{id}" && r[4] == "Name");
        using var refused = await office.Http.PostAsync("/graphql/export?format=csv", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal(["FORBIDDEN"], (await office.PostAsync("{ auditTrail { nodes { actor } } }")).ErrorCodes);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class ConfigurationAuditTestsOnSqlite(SqliteHost host) : ConfigurationAuditTests(host);

[Collection(PostgresCollection.Name)]
public sealed class ConfigurationAuditTestsOnPostgres(PostgresHost host) : ConfigurationAuditTests(host);
