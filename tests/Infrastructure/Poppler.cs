namespace PetitionGraph.Tests.Infrastructure;

/// <summary>poppler-utils (pdftotext, pdfinfo, pdffonts, pdftoppm): a PDF read back as a reader's tools read it.</summary>
internal static class Poppler
{
    public static async Task<string> RunAsync(string tool, params string[] arguments)
    {
        var info = new System.Diagnostics.ProcessStartInfo(tool) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }
        using var process = System.Diagnostics.Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"{tool} failed ({process.ExitCode}): {error}");
        return await output;
    }

    /// <summary>The text of each page, in order (pdftotext -layout, split at its form feeds).</summary>
    public static async Task<IReadOnlyList<string>> PagesAsync(string file)
    {
        var text = await RunAsync("pdftotext", "-layout", file, "-");
        return text.Split('\f')[..^1];
    }
}
