using System.Text.Json;
using AeSweep.Core.Definitions.Stored;
using AeSweep.Core.Search;

namespace AeSweep.Core.Definitions;

/// <summary>
/// The <c>enqueue</c> section of the stored document: an array of parameter objects, each value keeping its kind (as
/// <see cref="ParameterJson"/> writes it). Absent when the sweep has none, so documents of other sweeps are unchanged.
/// </summary>
internal static class EnqueueJson
{
    public static void Write(Utf8JsonWriter json, EnqueueList enqueue)
    {
        if (enqueue.Count == 0)
        {
            return;
        }

        json.WriteStartArray("enqueue");
        foreach (var configuration in enqueue)
        {
            json.WriteStartObject();
            foreach (var (name, value) in configuration.OrderBy(p => p.Key, StringComparer.Ordinal))
            {
                ParameterJson.WriteProperty(json, name, value);
            }

            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    public static EnqueueList Read(StoredField? field) =>
        field is not { } list ? EnqueueList.Empty : new EnqueueList(list.Items().Select(item => (IReadOnlyDictionary<string, ParameterValue>)item.Properties().ToDictionary(p => p.Key, p => p.Value.Value(), StringComparer.Ordinal)));
}
