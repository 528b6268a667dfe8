namespace PetitionGraph.Tests.Reporting;

/// <summary>Writes rendered files for a person to look at when PETITIONGRAPH_REPORT_SAMPLES names a folder.</summary>
internal static class SampleOutput
{
    public static void Write(string fileName, byte[] content)
    {
        var folder = Environment.GetEnvironmentVariable("PETITIONGRAPH_REPORT_SAMPLES");
        if (string.IsNullOrEmpty(folder))
        {
            return;
        }

        Directory.CreateDirectory(folder);
        File.WriteAllBytes(Path.Combine(folder, fileName), content);
    }
}
