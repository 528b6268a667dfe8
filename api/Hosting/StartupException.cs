namespace PetitionGraph.Api.Hosting;

/// <summary>The service cannot start as configured; the message says what the operator must change, in both languages.</summary>
public sealed class StartupException(Language.Msg text) : Exception(text.En)
{
    public Language.Msg Text { get; } = text;
}
