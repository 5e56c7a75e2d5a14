namespace AeSweep.Core.Definitions;

/// <summary>
/// The classes of the datasets whose classes AeSweep knows before reading them: Fashion-MNIST's ten and the synthetic
/// images' four kinds. IDX and CSV files tell their classes only when read.
/// </summary>
public static class DatasetClasses
{
    /// <summary>The largest class label any dataset may use (CSV label columns and IDX label files are read up to it).</summary>
    public const int MaxLabel = 65_535;

    /// <summary>Fashion-MNIST's classes by label, as the dataset's authors name them.</summary>
    public static IReadOnlyList<string> FashionMnist { get; } =
        ["t-shirt/top", "trouser", "pullover", "dress", "coat", "sandal", "shirt", "sneaker", "bag", "ankle boot"];

    /// <summary>The synthetic images' kinds by label (see the training library's <c>SyntheticImages</c>).</summary>
    public static IReadOnlyList<string> Synthetic { get; } = ["bar", "stripes", "disc", "frame"];

    /// <summary>The class names of <paramref name="dataset"/> by label, or null when only its files tell.</summary>
    public static IReadOnlyList<string>? NamesOf(DatasetSpec dataset)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        return dataset.Kind switch
        {
            DatasetSourceKind.BuiltIn when dataset.Name == "fashion-mnist" => FashionMnist,
            DatasetSourceKind.Synthetic => Synthetic,
            _ => null,
        };
    }

    /// <summary>"5 sandal" for a named class, "class 5" otherwise.</summary>
    public static string Describe(IReadOnlyList<string>? names, long label) =>
        names is not null && label >= 0 && label < names.Count ? $"{label} {names[(int)label]}" : $"class {label}";

    /// <summary>
    /// A class label from its name, case-insensitive; <c>t-shirt</c>, <c>top</c>, <c>tshirt</c> and <c>ankle_boot</c>
    /// style spellings (spaces, hyphens, underscores and slashes ignored) are accepted too.
    /// </summary>
    public static int? LabelOf(IReadOnlyList<string> names, string name)
    {
        ArgumentNullException.ThrowIfNull(names);
        ArgumentNullException.ThrowIfNull(name);
        var wanted = Squash(name);
        for (var label = 0; label < names.Count; label++)
        {
            var parts = names[label].Split('/');
            if (Squash(names[label]) == wanted || parts.Any(p => Squash(p) == wanted))
            {
                return label;
            }
        }

        return null;
    }

    private static string Squash(string text) =>
        new([.. text.Where(c => c is not (' ' or '-' or '_' or '/')).Select(char.ToLowerInvariant)]);
}
