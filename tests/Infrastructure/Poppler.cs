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

    /// <summary>Words (pdftotext -bbox) that reach beyond the left or right margin of their page, with their page number.</summary>
    public static async Task<IReadOnlyList<string>> WordsOutsideMarginsAsync(string file, double margin)
    {
        var outside = new List<string>();
        var number = 0;
        var width = 0.0;
        foreach (var line in (await RunAsync("pdftotext", "-bbox", file, "-")).Split('\n'))
        {
            if (System.Text.RegularExpressions.Regex.Match(line, @"<page width=""([\d.]+)""") is { Success: true } page)
            {
                number++;
                width = double.Parse(page.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
            }
            else if (System.Text.RegularExpressions.Regex.Match(line, @"xMin=""([\d.]+)"" yMin=""[\d.]+"" xMax=""([\d.]+)"".*>([^<]*)</word>") is { Success: true } word)
            {
                var left = double.Parse(word.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
                var right = double.Parse(word.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture);
                if (left < margin - 0.5 || right > width - margin + 0.5)
                {
                    outside.Add($"page {number}: \"{word.Groups[3].Value}\" at {left:F1}–{right:F1} of {width:F1}");
                }
            }
        }
        return outside;
    }
}
