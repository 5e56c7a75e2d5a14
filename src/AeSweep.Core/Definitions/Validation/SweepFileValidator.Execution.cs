using AeSweep.Core.Definitions.Documents;

namespace AeSweep.Core.Definitions;

// The execution section: how workers run the trials (not what is searched).
internal sealed partial class SweepFileValidator
{
    private static readonly string[] ExecutionKeys = ["checkpoint_seconds"];

    private ExecutionSpec? ReadExecution(DocNode? node)
    {
        if (node is null)
        {
            return ExecutionSpec.Default;
        }

        if (!ExpectMapping(node, "execution", "{checkpoint_seconds}", out var map))
        {
            return null;
        }

        var errorsBefore = errors.Count;
        CheckKeys(map, "execution", ExecutionKeys);
        var seconds = map["checkpoint_seconds"] is { } s
            ? ReadInteger(s, "execution.checkpoint_seconds", ExecutionSpec.MinCheckpointSeconds, ExecutionSpec.MaxCheckpointSeconds)
            : ExecutionSpec.DefaultCheckpointSeconds;
        return errors.Count > errorsBefore ? null : new ExecutionSpec { CheckpointSeconds = (int)seconds! };
    }
}
