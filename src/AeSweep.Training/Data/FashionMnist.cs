namespace AeSweep.Training.Data;

/// <summary>The built-in <c>fashion-mnist</c>: the files of Debian's <c>dataset-fashion-mnist</c> package.</summary>
public static class FashionMnist
{
    /// <summary>Where the Debian package installs the files; <c>AESWEEP_FASHION_MNIST</c> overrides it.</summary>
    public static string Directory =>
        Environment.GetEnvironmentVariable("AESWEEP_FASHION_MNIST") is { Length: > 0 } overridden
            ? overridden
            : "/usr/share/datasets/fashion-mnist";

    public static string TrainImages => Locate("train-images-idx3-ubyte");
    public static string TrainLabels => Locate("train-labels-idx1-ubyte");
    public static string TestImages => Locate("t10k-images-idx3-ubyte");
    public static string TestLabels => Locate("t10k-labels-idx1-ubyte");

    /// <summary>True when the files are installed.</summary>
    public static bool IsInstalled => File.Exists(Path.Combine(Directory, "train-images-idx3-ubyte.gz"))
        || File.Exists(Path.Combine(Directory, "train-images-idx3-ubyte"));

    private static string Locate(string stem)
    {
        foreach (var candidate in new[] { stem + ".gz", stem })
        {
            var path = Path.Combine(Directory, candidate);
            if (File.Exists(path))
            {
                return path;
            }
        }

        throw new FileNotFoundException(
            $"Fashion-MNIST file {stem}(.gz) not found in {Directory}. Install Debian's 'dataset-fashion-mnist' package " +
            "(sudo apt-get install dataset-fashion-mnist) or point AESWEEP_FASHION_MNIST at a folder with the IDX files.");
    }
}
