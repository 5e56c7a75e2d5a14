using AeSweep.Core.Definitions.Documents;

namespace AeSweep.Core.Definitions;

// The execution section: how workers run the trials (not what is searched).
internal sealed partial class SweepFileValidator
{
    private static readonly string[] ExecutionKeys = ["checkpoint_seconds", "fuse"];

    private ExecutionSpec? ReadExecution(DocNode? node)
    {
        if (node is null)
        {
            return ExecutionSpec.Default;
        }

        if (!ExpectMapping(node, "execution", "{fuse, checkpoint_seconds}", out var map))
        {
            return null;
        }

        var errorsBefore = errors.Count;
        CheckKeys(map, "execution", ExecutionKeys);
        var seconds = map["checkpoint_seconds"] is { } s
            ? ReadInteger(s, "execution.checkpoint_seconds", ExecutionSpec.MinCheckpointSeconds, ExecutionSpec.MaxCheckpointSeconds)
            : ExecutionSpec.DefaultCheckpointSeconds;
        var fuse = map["fuse"] is { } f ? ReadFuse(f) : null;
        return errors.Count > errorsBefore ? null : new ExecutionSpec { CheckpointSeconds = (int)seconds!, Fuse = fuse };
    }

    /// <summary><c>execution.fuse</c>: <c>auto</c> (null) or a pack size.</summary>
    private int? ReadFuse(DocNode node)
    {
        if (node is DocScalar { Text: "auto" })
        {
            return null;
        }

        if (node is not DocScalar scalar || !scalar.TryGetDouble(out var number) || number != Math.Floor(number)
            || number < ExecutionSpec.MinFuse || number > ExecutionSpec.MaxFuse)
        {
            Error("execution.fuse", node, $"must be auto or an integer from {ExecutionSpec.MinFuse} to {ExecutionSpec.MaxFuse} (1 turns fusion off), not {Describe(node)}");
            return null;
        }

        return (int)number;
    }
}
