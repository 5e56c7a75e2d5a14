namespace AeSweep.Core.Catalog;

/// <summary>
/// Converts between a choice parameter's sweep-file names and its enum: the enum's members follow the catalog's
/// <see cref="CatalogParameter.Choices"/> in order, so the catalog stays the one owner of the names.
/// </summary>
public static class CatalogChoice
{
    /// <summary>The enum member named <paramref name="name"/> by <paramref name="parameter"/>'s choices.</summary>
    /// <exception cref="ArgumentException">The name is not one of the choices (the message lists them).</exception>
    public static TEnum Parse<TEnum>(CatalogParameter parameter, string name)
        where TEnum : struct, Enum
    {
        var choices = ChoicesOf(parameter);
        var index = choices.IndexOf(name);
        return index >= 0
            ? (TEnum)Enum.ToObject(typeof(TEnum), index)
            : throw new ArgumentException($"Unknown {parameter.Name} '{name}' ({string.Join(", ", choices)})");
    }

    /// <summary>The sweep-file name of <paramref name="value"/>.</summary>
    public static string NameOf<TEnum>(CatalogParameter parameter, TEnum value)
        where TEnum : struct, Enum => ChoicesOf(parameter)[Convert.ToInt32(value, System.Globalization.CultureInfo.InvariantCulture)];

    private static System.Collections.Immutable.ImmutableArray<string> ChoicesOf(CatalogParameter parameter) =>
        parameter.Choices ?? throw new ArgumentException($"{parameter.Name} is not a choice parameter", nameof(parameter));
}
