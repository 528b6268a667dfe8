namespace PetitionGraph.Api.Hosting;

/// <summary>The service cannot start as configured; the message says what the operator must change.</summary>
public sealed class StartupException(string message) : Exception(message);
