using System.Text.Json;
using AeSweep.Core.Search;

namespace AeSweep.Worker.Runners;

/// <summary>Parameters as the JSON object external programs receive in AESWEEP_PARAMS.</summary>
public static class ParameterJson
{
    public static string Write(IReadOnlyDictionary<string, ParameterValue> parameters)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream))
        {
            json.WriteStartObject();
            foreach (var (name, value) in parameters.OrderBy(p => p.Key, StringComparer.Ordinal))
            {
                switch (value.Kind)
                {
                    case ParameterValueKind.Integer:
                        json.WriteNumber(name, value.AsLong());
                        break;
                    case ParameterValueKind.Float:
                        json.WriteNumber(name, value.AsDouble());
                        break;
                    case ParameterValueKind.Boolean:
                        json.WriteBoolean(name, value.AsBoolean());
                        break;
                    default:
                        json.WriteString(name, value.AsString());
                        break;
                }
            }

            json.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }
}
