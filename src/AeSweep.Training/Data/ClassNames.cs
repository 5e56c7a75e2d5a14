using AeSweep.Core.Definitions;

namespace AeSweep.Training.Data;

/// <summary>Human names of a built-in dataset's class labels, for legends; other datasets show the label number.</summary>
public static class ClassNames
{
    /// <summary>Fashion-MNIST's ten classes, in label order (Xiao et al., 2017).</summary>
    public static IReadOnlyList<string> FashionMnist { get; } =
        ["T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot"];

    /// <summary>The kinds <see cref="SyntheticImages"/> draws, in label order.</summary>
    public static IReadOnlyList<string> Synthetic { get; } = ["bar", "stripes", "disc", "frame"];

    /// <summary>The name of <paramref name="label"/> in <paramref name="dataset"/>: a built-in's class name, else "class N".</summary>
    public static string Of(DatasetSpec? dataset, long label)
    {
        var names = dataset switch
        {
            { Kind: DatasetSourceKind.BuiltIn, Name: "fashion-mnist" } => FashionMnist,
            { Kind: DatasetSourceKind.BuiltIn, Name: "synthetic" } or { Kind: DatasetSourceKind.Synthetic } => Synthetic,
            _ => null,
        };
        return names is not null && label >= 0 && label < names.Count ? names[(int)label] : $"class {label}";
    }
}
