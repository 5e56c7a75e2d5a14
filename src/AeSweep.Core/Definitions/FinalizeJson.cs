using System.Text.Json;

namespace AeSweep.Core.Definitions;

/// <summary>
/// Writes the <c>finalize</c> section the one way both JSON forms of a definition share (the stored document and the
/// canonical JSON). Absent when the sweep has none, so documents of sweeps without it are unchanged.
/// </summary>
internal static class FinalizeJson
{
    public static void Write(Utf8JsonWriter json, FinalizeSpec? finalize)
    {
        if (finalize is null)
        {
            return;
        }

        json.WriteStartObject("finalize");
        json.WriteNumber("top_k", finalize.TopK);
        json.WriteNumber("seeds", finalize.Seeds);
        json.WriteEndObject();
    }
}
