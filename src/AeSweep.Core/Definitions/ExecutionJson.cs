using System.Text.Json;

namespace AeSweep.Core.Definitions;

/// <summary>
/// Writes the <c>execution</c> section the one way both JSON forms of a definition share (the stored document and the
/// canonical JSON), so the two cannot drift apart.
/// </summary>
internal static class ExecutionJson
{
    public static void Write(Utf8JsonWriter json, ExecutionSpec execution)
    {
        json.WriteStartObject("execution");
        json.WriteNumber("checkpoint_seconds", execution.CheckpointSeconds);
        if (execution.Fuse is { } fuse)
        {
            json.WriteNumber("fuse", fuse);
        }
        else
        {
            json.WriteString("fuse", "auto");
        }

        json.WriteEndObject();
    }
}
