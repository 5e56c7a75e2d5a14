using System.Text.Json;
using AeSweep.Core.Search;

namespace AeSweep.Core.Definitions.Stored;

/// <summary>
/// One JSON value of a stored document with its field path, so that every structural error names the field.
/// Checks only shape (an object, a string, a whole number), never the user-input rules of the validator.
/// </summary>
internal readonly record struct StoredField(JsonElement Element, string Path)
{
    public bool IsNull => Element.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined;

    public StoredField? Optional(string key)
    {
        var path = Path.Length == 0 ? key : $"{Path}.{key}";
        RequireObject();
        return Element.TryGetProperty(key, out var child) && child.ValueKind != JsonValueKind.Null ? new StoredField(child, path) : null;
    }

    public StoredField Required(string key) =>
        Optional(key) ?? throw new StoredSweepDocumentException(Path.Length == 0 ? key : $"{Path}.{key}", "is missing");

    public IEnumerable<(string Key, StoredField Value)> Properties()
    {
        RequireObject();
        foreach (var property in Element.EnumerateObject())
        {
            yield return (property.Name, new StoredField(property.Value, $"{Path}.{property.Name}"));
        }
    }

    public IEnumerable<StoredField> Items()
    {
        if (Element.ValueKind != JsonValueKind.Array)
        {
            throw Wrong("a list");
        }

        var i = 0;
        foreach (var item in Element.EnumerateArray())
        {
            yield return new StoredField(item, $"{Path}[{i++}]");
        }
    }

    public string String() => Element.ValueKind == JsonValueKind.String ? Element.GetString()! : throw Wrong("a string");

    public bool Boolean() => Element.ValueKind switch
    {
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        _ => throw Wrong("true or false"),
    };

    public double Number() =>
        Element.ValueKind == JsonValueKind.Number && Element.TryGetDouble(out var value) && double.IsFinite(value) ? value : throw Wrong("a number");

    public long Long()
    {
        var value = Number();
        return value == Math.Floor(value) && Math.Abs(value) < 9e15 ? (long)value : throw Wrong("a whole number");
    }

    public int Int()
    {
        var value = Long();
        return value is >= int.MinValue and <= int.MaxValue ? (int)value : throw Wrong("a whole number in 32 bits");
    }

    /// <summary>A parameter value, keeping its kind as the writers wrote it: a number with a point or exponent is a float.</summary>
    public ParameterValue Value() => Element.ValueKind switch
    {
        JsonValueKind.String => ParameterValue.Of(Element.GetString()!),
        JsonValueKind.True => ParameterValue.Of(true),
        JsonValueKind.False => ParameterValue.Of(false),
        JsonValueKind.Number when Element.GetRawText().AsSpan().IndexOfAny(".eE") < 0 && Element.TryGetInt64(out var integer) => ParameterValue.Of(integer),
        JsonValueKind.Number => ParameterValue.Of(Number()),
        _ => throw Wrong("a number, string or boolean"),
    };

    public StoredSweepDocumentException Wrong(string expected) =>
        new(Path.Length == 0 ? StoredSweepDocumentException.DocumentField : Path, $"must be {expected}, not {Describe()}");

    private void RequireObject()
    {
        if (Element.ValueKind != JsonValueKind.Object)
        {
            throw Wrong("an object");
        }
    }

    private string Describe() => Element.ValueKind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "a list",
        JsonValueKind.String => $"the string \"{Truncate(Element.GetString()!)}\"",
        JsonValueKind.Null => "null",
        _ => Truncate(Element.GetRawText()),
    };

    private static string Truncate(string text) => text.Length <= 40 ? text : text[..40] + "…";
}
