using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using AeSweep.Core.Search;

namespace AeSweep.Storage.Serialization;

/// <summary>
/// Parameters as a plain JSON object (<c>{"depth": 3, "learning_rate": 0.001, "loss": "mse"}</c>) that keeps each
/// value's kind: integers are written without a fraction and floats always with a '.' or an exponent, so 3 and 3.0
/// read back as an integer and a float. Stored as text, so no database normalises the numbers.
/// </summary>
internal static class ParameterJson
{
    public static string Write(IReadOnlyDictionary<string, ParameterValue> parameters)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            foreach (var (name, value) in parameters.OrderBy(p => p.Key, StringComparer.Ordinal))
            {
                writer.WritePropertyName(name);
                switch (value.Kind)
                {
                    case ParameterValueKind.Integer:
                        writer.WriteNumberValue(value.AsLong());
                        break;
                    case ParameterValueKind.Float:
                        writer.WriteRawValue(FloatText(name, value.AsDouble()));
                        break;
                    case ParameterValueKind.Boolean:
                        writer.WriteBooleanValue(value.AsBoolean());
                        break;
                    default:
                        writer.WriteStringValue(value.AsString());
                        break;
                }
            }

            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    public static IReadOnlyDictionary<string, ParameterValue> Read(string json)
    {
        using var document = JsonDocument.Parse(json);
        var parameters = new Dictionary<string, ParameterValue>(StringComparer.Ordinal);
        foreach (var property in document.RootElement.EnumerateObject())
        {
            parameters[property.Name] = property.Value.ValueKind switch
            {
                JsonValueKind.Number when IsFloatText(property.Value.GetRawText()) => ParameterValue.Of(property.Value.GetDouble()),
                JsonValueKind.Number => ParameterValue.Of(property.Value.GetInt64()),
                JsonValueKind.String => ParameterValue.Of(property.Value.GetString()!),
                JsonValueKind.True => ParameterValue.Of(true),
                JsonValueKind.False => ParameterValue.Of(false),
                _ => throw new FormatException($"parameter '{property.Name}' has an unsupported JSON value: {property.Value.GetRawText()}"),
            };
        }

        return parameters;
    }

    private static string FloatText(string name, double value)
    {
        if (!double.IsFinite(value))
        {
            throw new ArgumentException($"parameter '{name}' is {value}; only finite numbers can be stored", nameof(value));
        }

        var text = value.ToString("R", CultureInfo.InvariantCulture);
        return IsFloatText(text) ? text : text + ".0";
    }

    private static bool IsFloatText(string text) => text.AsSpan().IndexOfAny(".eE") >= 0;
}
