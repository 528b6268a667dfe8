namespace PetitionGraph.Tests.Infrastructure;

/// <summary>A folder of the test's own in the run's folder, deleted with everything in it when disposed.</summary>
public sealed class TempFolder : IDisposable
{
    public string Path { get; } = Directory.CreateDirectory(TestRunFolder.NewPath("folder")).FullName;

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A file still open by a server being stopped; the next attempt is the machine's temp cleanup.
        }
    }
}
