namespace AeSweep.Core.Definitions.Documents;

/// <summary>A mapping, in file order. Keys are scalars; duplicates are reported by the reader.</summary>
internal sealed class DocMapping(int line) : DocNode(line)
{
    public List<KeyValuePair<DocScalar, DocNode>> Entries { get; } = [];

    public override string KindName => "a mapping";

    /// <summary>Keys that came in through a YAML merge (&lt;&lt;) and may still be overridden.</summary>
    public HashSet<string> MergedKeys { get; } = new(StringComparer.Ordinal);

    public DocNode? this[string key] => Entries.FirstOrDefault(e => e.Key.Text == key).Value;

    public bool ContainsKey(string key) => Entries.Any(e => e.Key.Text == key);
}
