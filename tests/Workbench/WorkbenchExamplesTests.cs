using PetitionGraph.Api.Workbench;
using PetitionGraph.Tests.Infrastructure;

namespace PetitionGraph.Tests.Workbench;

/// <summary>The IDE's ready-made queries: every README example and every example operation, each titled in words.</summary>
public sealed class WorkbenchExamplesTests
{
    [Fact]
    public void Every_README_example_and_every_example_operation_is_offered_with_a_readable_title()
    {
        var examples = WorkbenchAssets.Examples();
        var readme = File.ReadAllText(Path.Combine(RepositoryRoot.Path, "README.md"));
        var blocks = readme.Split("```graphql\n").Skip(1).Select(b => b[..b.IndexOf("```", StringComparison.Ordinal)].TrimEnd()).ToList();
        Assert.Equal(blocks, examples.Where(e => e.Group == "README").Select(e => e.Query));
        var operations = Directory.GetFiles(Path.Combine(RepositoryRoot.Path, "schema", "operations"), "*.graphql", SearchOption.AllDirectories);
        Assert.Equal(operations.Length, examples.Count(e => e.Group.StartsWith("schema/operations", StringComparison.Ordinal)));
        Assert.All(examples, e => Assert.DoesNotMatch(@"\]\(|`|^\s*$|^[{}\[\]""]", e.Title));
        Assert.Contains(examples, e => e.Title == "Handling cases · acceptCase");
        Assert.Contains(examples, e => e.Title.StartsWith("Every mutation has an example in schema/operations/mutations/.", StringComparison.Ordinal));
    }
}
