using System.Text.Json;
using AeSweep.Core.Definitions.Stored;
using AeSweep.Core.Search.Constraints;

namespace AeSweep.Core.Definitions;

/// <summary>
/// Writes and reads <c>constraints</c> and <c>warm_start</c> the one way both JSON forms of a definition share (the
/// stored document and the canonical JSON). Absent when the sweep has none, so documents of other sweeps are unchanged.
/// </summary>
internal static class ConstraintsJson
{
    public static void Write(Utf8JsonWriter json, SweepDefinition definition)
    {
        if (!definition.Constraints.IsEmpty)
        {
            json.WriteStartArray("constraints");
            foreach (var text in definition.Constraints.Texts)
            {
                json.WriteStringValue(text);
            }

            json.WriteEndArray();
        }

        if (definition.WarmStart is { } warmStart)
        {
            json.WriteStartObject("warm_start");
            json.WriteStartArray("from_sweeps");
            foreach (var id in warmStart.FromSweeps)
            {
                json.WriteStringValue(id);
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }
    }

    /// <summary>The definition with the stored document's <c>constraints</c> and <c>warm_start</c> (added 2026-12; absent before).</summary>
    public static SweepDefinition Read(StoredField root, SweepDefinition definition)
    {
        var constraints = SweepConstraints.Empty;
        if (root.Optional("constraints") is { } c)
        {
            try
            {
                constraints = SweepConstraints.Parse(c.Items().Select(item => item.String()));
            }
            catch (FormatException)
            {
                throw c.Wrong("a list of constraint expressions");
            }
        }

        var warmStart = root.Optional("warm_start") is { } w
            ? new WarmStartSpec([.. w.Required("from_sweeps").Items().Select(item => item.String())])
            : null;
        return definition with { Constraints = constraints, WarmStart = warmStart };
    }
}
