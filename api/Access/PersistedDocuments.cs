using System.Collections.Frozen;
using System.Security.Cryptography;
using System.Text;

namespace PetitionGraph.Api.Access;

/// <summary>
/// The operations in <c>schema/operations/</c> (embedded at build), registered by the SHA-256 of their text:
/// <c>sha256:&lt;hex&gt;</c>. Integration clients may only send these ids; everyone may.
/// </summary>
public sealed class PersistedDocuments
{
    private readonly FrozenDictionary<string, (string Name, string Text)> _byId;

    public PersistedDocuments()
    {
        var assembly = typeof(PersistedDocuments).Assembly;
        var documents = new Dictionary<string, (string, string)>(StringComparer.Ordinal);
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.StartsWith("operations/", StringComparison.Ordinal)))
        {
            using var reader = new StreamReader(assembly.GetManifestResourceStream(resource)!, Encoding.UTF8);
            var text = reader.ReadToEnd();
            documents[Id(text)] = (resource["operations/".Length..], text);
        }
        _byId = documents.ToFrozenDictionary(StringComparer.Ordinal);
    }

    public IReadOnlyDictionary<string, (string Name, string Text)> All => _byId;

    public static string Id(string text) => "sha256:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    public string? Find(string documentId) => _byId.TryGetValue(documentId.Trim(), out var document) ? document.Text : null;
}
