using System.Globalization;
using System.Text.RegularExpressions;

namespace AeSweep.Core.Definitions.Documents;

/// <summary>A scalar. Plain scalars are typed by YAML 1.2's core schema; quoted ones are always strings.</summary>
internal sealed partial class DocScalar(int line, string text, bool quoted) : DocNode(line)
{
    public string Text { get; } = text;

    public bool Quoted { get; } = quoted;

    public override string KindName => IsNull ? "null" : IsBoolean(out _) ? "a boolean" : IsNumber ? "a number" : "a string";

    public bool IsNull => !Quoted && Text is "" or "~" or "null" or "Null" or "NULL";

    public bool IsString => Quoted || (!IsNull && !IsBoolean(out _) && !IsNumber);

    public bool IsNumber => TryGetDouble(out _);

    public bool IsBoolean(out bool value)
    {
        value = false;
        if (Quoted)
        {
            return false;
        }

        switch (Text)
        {
            case "true" or "True" or "TRUE":
                value = true;
                return true;
            case "false" or "False" or "FALSE":
                return true;
            default:
                return false;
        }
    }

    public bool TryGetLong(out long value)
    {
        value = 0;
        return !Quoted && IntegerPattern().IsMatch(Text) && long.TryParse(Text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value);
    }

    public bool TryGetDouble(out double value)
    {
        value = 0;
        if (Quoted)
        {
            return false;
        }

        if (!FloatPattern().IsMatch(Text))
        {
            return false;
        }

        return double.TryParse(Text, NumberStyles.Float, CultureInfo.InvariantCulture, out value) && double.IsFinite(value);
    }

    /// <summary>True for a plain scalar that is an integer literal (no decimal point or exponent).</summary>
    public bool IsIntegerLiteral => TryGetLong(out _);

    [GeneratedRegex("^[-+]?[0-9]+$")]
    private static partial Regex IntegerPattern();

    [GeneratedRegex("^[-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)?$")]
    private static partial Regex FloatPattern();
}
