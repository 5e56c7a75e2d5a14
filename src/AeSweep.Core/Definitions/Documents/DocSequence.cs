namespace AeSweep.Core.Definitions.Documents;

/// <summary>A sequence (list).</summary>
internal sealed class DocSequence(int line) : DocNode(line)
{
    public List<DocNode> Items { get; } = [];

    public override string KindName => "a list";
}
