using System.Globalization;

namespace AeSweep.Core.Search;

/// <summary>The kind of value a hyperparameter holds.</summary>
public enum ParameterValueKind
{
    /// <summary>A whole number.</summary>
    Integer,
    /// <summary>A floating-point number.</summary>
    Float,
    /// <summary>A string, e.g. a categorical choice such as <c>mse</c>.</summary>
    String,
    /// <summary>A boolean flag.</summary>
    Boolean,
}

/// <summary>
/// One hyperparameter value. A small closed union rather than <see cref="object"/> so that samplers,
/// storage and the wire format agree on exactly four kinds of value.
/// </summary>
public readonly record struct ParameterValue : IComparable<ParameterValue>
{
    private readonly long _integer;
    private readonly double _float;
    private readonly string? _string;

    private ParameterValue(ParameterValueKind kind, long integer, double @float, string? @string)
    {
        Kind = kind;
        _integer = integer;
        _float = @float;
        _string = @string;
    }

    /// <summary>The kind of this value.</summary>
    public ParameterValueKind Kind { get; }

    /// <summary>Creates an integer value.</summary>
    public static ParameterValue Of(long value) => new(ParameterValueKind.Integer, value, value, null);

    /// <summary>Creates a float value.</summary>
    public static ParameterValue Of(double value) => new(ParameterValueKind.Float, 0, value, null);

    /// <summary>Creates a string value.</summary>
    public static ParameterValue Of(string value) => new(ParameterValueKind.String, 0, 0, value ?? throw new ArgumentNullException(nameof(value)));

    /// <summary>Creates a boolean value.</summary>
    public static ParameterValue Of(bool value) => new(ParameterValueKind.Boolean, value ? 1 : 0, value ? 1 : 0, null);

    /// <summary>True for integers and floats.</summary>
    public bool IsNumeric => Kind is ParameterValueKind.Integer or ParameterValueKind.Float;

    /// <summary>The value as a double; integers and booleans convert, strings throw.</summary>
    public double AsDouble() => Kind switch
    {
        ParameterValueKind.Integer => _integer,
        ParameterValueKind.Float => _float,
        ParameterValueKind.Boolean => _integer,
        _ => throw new InvalidOperationException($"'{_string}' is a string, not a number"),
    };

    /// <summary>The value as an integer; floats must be whole numbers.</summary>
    public long AsLong() => Kind switch
    {
        ParameterValueKind.Integer or ParameterValueKind.Boolean => _integer,
        ParameterValueKind.Float when _float == Math.Floor(_float) && Math.Abs(_float) < 9e15 => (long)_float,
        ParameterValueKind.Float => throw new InvalidOperationException($"{ToString()} is not a whole number"),
        _ => throw new InvalidOperationException($"'{_string}' is a string, not a number"),
    };

    /// <summary>The value as a string (strings as they are, numbers in invariant culture).</summary>
    public string AsString() => _string ?? ToString();

    /// <summary>The value as a boolean.</summary>
    public bool AsBoolean() => Kind switch
    {
        ParameterValueKind.Boolean or ParameterValueKind.Integer => _integer != 0,
        ParameterValueKind.String when bool.TryParse(_string, out var b) => b,
        _ => throw new InvalidOperationException($"{ToString()} is not a boolean"),
    };

    /// <summary>The boxed CLR value: <see cref="long"/>, <see cref="double"/>, <see cref="string"/> or <see cref="bool"/>.</summary>
    public object ToObject() => Kind switch
    {
        ParameterValueKind.Integer => _integer,
        ParameterValueKind.Float => _float,
        ParameterValueKind.Boolean => _integer != 0,
        _ => _string!,
    };

    /// <summary>Converts a boxed CLR value back into a parameter value.</summary>
    public static ParameterValue FromObject(object value) => value switch
    {
        ParameterValue p => p,
        long l => Of(l),
        int i => Of((long)i),
        double d => Of(d),
        float f => Of((double)f),
        decimal m => Of((double)m),
        bool b => Of(b),
        string s => Of(s),
        _ => throw new ArgumentException($"Unsupported parameter value type {value.GetType().Name}", nameof(value)),
    };

    /// <summary>Equality of meaning: 3 and 3.0 are equal, as they are in a sweep file.</summary>
    public bool Equals(ParameterValue other)
    {
        if (IsNumeric && other.IsNumeric)
        {
            return AsDouble().Equals(other.AsDouble());
        }

        return Kind == other.Kind && _integer == other._integer && string.Equals(_string, other._string, StringComparison.Ordinal);
    }

    /// <inheritdoc />
    public override int GetHashCode() => IsNumeric ? AsDouble().GetHashCode() : HashCode.Combine(Kind, _integer, _string);

    /// <inheritdoc />
    public int CompareTo(ParameterValue other)
    {
        if (IsNumeric && other.IsNumeric)
        {
            return AsDouble().CompareTo(other.AsDouble());
        }

        var byKind = Kind.CompareTo(other.Kind);
        return byKind != 0 ? byKind : string.CompareOrdinal(AsString(), other.AsString());
    }

    /// <summary>Orders values as <see cref="CompareTo"/> does.</summary>
    public static bool operator <(ParameterValue left, ParameterValue right) => left.CompareTo(right) < 0;

    /// <summary>Orders values as <see cref="CompareTo"/> does.</summary>
    public static bool operator >(ParameterValue left, ParameterValue right) => left.CompareTo(right) > 0;

    /// <summary>Orders values as <see cref="CompareTo"/> does.</summary>
    public static bool operator <=(ParameterValue left, ParameterValue right) => left.CompareTo(right) <= 0;

    /// <summary>Orders values as <see cref="CompareTo"/> does.</summary>
    public static bool operator >=(ParameterValue left, ParameterValue right) => left.CompareTo(right) >= 0;

    /// <inheritdoc />
    public override string ToString() => Kind switch
    {
        ParameterValueKind.Integer => _integer.ToString(CultureInfo.InvariantCulture),
        ParameterValueKind.Float => _float.ToString("R", CultureInfo.InvariantCulture),
        ParameterValueKind.Boolean => _integer != 0 ? "true" : "false",
        _ => _string ?? string.Empty,
    };
}
