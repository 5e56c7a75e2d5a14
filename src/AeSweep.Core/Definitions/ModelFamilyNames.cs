namespace AeSweep.Core.Definitions;

/// <summary>The sweep file's spelling of model families.</summary>
public static class ModelFamilyNames
{
    /// <summary>All names, in the order of <see cref="ModelFamily"/>.</summary>
    public static IReadOnlyList<string> All { get; } = ["dense", "conv", "denoising", "sparse", "vae", "lstm"];

    /// <summary>The sweep file name of a family.</summary>
    public static string ToName(this ModelFamily family) => All[(int)family];

    /// <summary>Parses a family name; throws for unknown names (the validator reports them first).</summary>
    public static ModelFamily Parse(string name)
    {
        var index = All.ToList().IndexOf(name);
        return index >= 0 ? (ModelFamily)index : throw new ArgumentException($"Unknown model family '{name}'", nameof(name));
    }

    /// <summary>Parses a family name without throwing.</summary>
    public static bool TryParse(string name, out ModelFamily family)
    {
        var index = All.ToList().IndexOf(name);
        family = index >= 0 ? (ModelFamily)index : default;
        return index >= 0;
    }
}
