using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace AeSweep.Core.Search;

/// <summary>
/// Parameters as a JSON object that keeps each value's kind: integers without a decimal point, floats always with
/// one (3.0 stays a float), strings and booleans as themselves. Used by the store, by external programs'
/// <c>AESWEEP_PARAMS</c>, and by every JSON output that shows parameters.
/// </summary>
public static class ParameterJson
{
    /// <summary>The parameters as one JSON object, keys in ordinal order.</summary>
    public static string Write(IReadOnlyDictionary<string, ParameterValue> parameters)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            foreach (var (name, value) in parameters.OrderBy(p => p.Key, StringComparer.Ordinal))
            {
                WriteProperty(writer, name, value);
            }

            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>Reads an object written by <see cref="Write"/> (or any flat JSON object of numbers, strings and booleans).</summary>
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

    /// <summary>Writes one named value, keeping its kind.</summary>
    public static void WriteProperty(Utf8JsonWriter writer, string name, ParameterValue value)
    {
        writer.WritePropertyName(name);
        WriteValue(writer, value, name);
    }

    /// <summary>Writes one value, keeping its kind.</summary>
    public static void WriteValue(Utf8JsonWriter writer, ParameterValue value, string name = "value")
    {
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
