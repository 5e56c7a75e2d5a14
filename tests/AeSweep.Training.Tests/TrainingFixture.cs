using AeSweep.Core.Definitions;
using AeSweep.Core.Search;

namespace AeSweep.Training.Tests;

/// <summary>Small datasets and requests shared by the tests.</summary>
internal static class TrainingFixture
{
    public static DatasetSpec Synthetic(int limit = 600) => new(DatasetSourceKind.Synthetic, Limit: limit, ValidationSplit: 0.2);

    public static DatasetSpec FashionMnist(int limit = 1000) => new(DatasetSourceKind.BuiltIn, Name: "fashion-mnist", Limit: limit, ValidationSplit: 0.2);

    public static Dictionary<string, ParameterValue> Parameters(params (string Name, object Value)[] values) =>
        values.ToDictionary(v => v.Name, v => ParameterValue.FromObject(v.Value), StringComparer.Ordinal);

    public static TrainingRequest Request(IReadOnlyDictionary<string, ParameterValue> parameters, DatasetSpec dataset, string directory, long seed = 7) =>
        new(parameters, dataset, seed, directory, DataSeed: 42, Threads: 1);

    public static string TempDirectory()
    {
        var path = Path.Combine(Path.GetTempPath(), "aesweep-training-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(path);
        return path;
    }

    public static string WriteCsv(string directory, Func<int, int, double> value, int rows = 300, int columns = 8)
    {
        var path = Path.Combine(directory, "table.csv");
        var lines = new List<string> { string.Join(',', Enumerable.Range(0, columns).Select(c => $"f{c}")) };
        for (var r = 0; r < rows; r++)
        {
            lines.Add(string.Join(',', Enumerable.Range(0, columns).Select(c => value(r, c).ToString("R", System.Globalization.CultureInfo.InvariantCulture))));
        }

        File.WriteAllLines(path, lines);
        return path;
    }
}
