namespace PetitionGraph.Tests.Infrastructure;

public static class RepositoryRoot
{
    /// <summary>The folder holding PetitionGraph.sln, found upwards from the test binaries.</summary>
    public static string Path { get; } = Find();

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "PetitionGraph.sln")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException("PetitionGraph.sln not found above " + AppContext.BaseDirectory);
    }
}
