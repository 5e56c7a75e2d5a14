namespace AeSweep.Core.Definitions.Documents;

/// <summary>
/// A node of a sweep file after YAML/JSON syntax and before meaning: a mapping, a sequence or a scalar,
/// with the line it starts on (1-based; 0 when unknown) so errors can point at it.
/// </summary>
internal abstract class DocNode(int line)
{
    public int Line { get; } = line;

    /// <summary>Nodes in this subtree, counting aliased subtrees each time they appear (alias-bomb guard).</summary>
    public long ExpandedSize { get; set; } = 1;

    public abstract string KindName { get; }
}
