using SkiaSharp;

namespace PetitionGraph.Reporting.Charts;

/// <summary>
/// The CJK font every chart and PDF draws with: a subset of WenQuanYi Micro Hei shipped in Fonts/ beside the
/// assembly, so that Chinese labels render on machines with no CJK font installed.
/// </summary>
public static class ChartFonts
{
    public const string FamilyName = "WenQuanYi Micro Hei";
    public const string FileName = "WenQuanYiMicroHei.ttf";

    private static readonly Lazy<string> Registered = new(Register, LazyThreadSafetyMode.ExecutionAndPublication);
    private static readonly Lazy<SKTypeface> LoadedTypeface = new(() =>
        SKTypeface.FromFile(FontPath) ?? throw new InvalidOperationException($"SkiaSharp could not load {FontPath}."));

    /// <summary>Full path of the shipped font file.</summary>
    public static string FontPath { get; } = FindFontFile();

    /// <summary>The font as SkiaSharp loads it (for glyph checks).</summary>
    public static SKTypeface Typeface => LoadedTypeface.Value;

    /// <summary>Registers the font with ScottPlot (regular and bold) and makes it the default; idempotent.</summary>
    public static string EnsureRegistered() => Registered.Value;

    /// <summary>Characters of <paramref name="text"/> that the font has no glyph for.</summary>
    public static IReadOnlyList<string> MissingGlyphs(string text)
    {
        var missing = new List<string>();
        var info = System.Globalization.StringInfo.GetTextElementEnumerator(text);
        while (info.MoveNext())
        {
            var element = info.GetTextElement();
            if (char.IsWhiteSpace(element, 0) || char.IsControl(element, 0))
            {
                continue;
            }

            if (!Typeface.ContainsGlyphs(element))
            {
                missing.Add(element);
            }
        }

        return missing;
    }

    private static string Register()
    {
        ScottPlot.Fonts.AddFontFile(FamilyName, FontPath);
        ScottPlot.Fonts.AddFontFile(FamilyName, FontPath, bold: true);
        ScottPlot.Fonts.Default = FamilyName;
        ScottPlot.Fonts.Sans = FamilyName;
        return FamilyName;
    }

    private static string FindFontFile()
    {
        string?[] folders = [Path.GetDirectoryName(typeof(ChartFonts).Assembly.Location), AppContext.BaseDirectory];
        foreach (var folder in folders)
        {
            if (string.IsNullOrEmpty(folder))
            {
                continue;
            }

            var path = Path.Combine(folder, "Fonts", FileName);
            if (File.Exists(path))
            {
                return path;
            }
        }

        throw new FileNotFoundException($"The chart font Fonts/{FileName} was not found beside the reporting assembly.", FileName);
    }
}
