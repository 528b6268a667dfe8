namespace PetitionGraph.Api.GraphQL.Mutations;

/// <summary>The values of a mutation's input object, read by name.</summary>
public sealed class StepInput(IDictionary<string, object?> values)
{
    /// <summary>A string; an ID given as a number (GraphQL allows `caseId: 7`) is read as its text.</summary>
    public string? Text(string name) => values.TryGetValue(name, out var v) ? AsText(v) : null;

    private static string? AsText(object? value) => value switch
    {
        string text => text,
        int or long or System.Numerics.BigInteger or Guid => Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture),
        _ => null,
    };

    public int? Int(string name) => values.TryGetValue(name, out var v) ? v as int? : null;

    public double? Float(string name) => values.TryGetValue(name, out var v) ? v switch { double d => d, int i => i, decimal m => (double)m, _ => null } : null;

    public DateTime? Instant(string name) => values.TryGetValue(name, out var v) ? v as DateTime? : null;

    public T? Enum<T>(string name) where T : struct, System.Enum => values.TryGetValue(name, out var v) ? v as T? : null;

    public IReadOnlyList<string> Texts(string name) =>
        values.TryGetValue(name, out var v) && v is IEnumerable<object?> items ? items.Select(AsText).OfType<string>().ToList() : [];

    public IReadOnlyList<StepInput> Items(string name) =>
        values.TryGetValue(name, out var v) && v is IEnumerable<object?> items
            ? items.OfType<IDictionary<string, object?>>().Select(i => new StepInput(i)).ToList()
            : [];
}
