using System.Diagnostics;
using AeSweep.Core.Definitions;

namespace AeSweep.Core.Tests.Definitions;

/// <summary>Reading a sweep file stops at its 1 MiB limit; syntax errors say where they are.</summary>
public sealed class SweepFileReadingTests
{
    [Fact]
    public void A_device_that_never_ends_is_refused_at_one_mebibyte()
    {
        var watch = Stopwatch.StartNew();
        var ex = Assert.Throws<SweepFileUnreadableException>(() => SweepDefinitionParser.ParseFile("/dev/zero"));

        Assert.Equal("/dev/zero: larger than 1 MiB, the limit for a sweep file", ex.Message);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), $"took {watch.Elapsed}");
    }

    [Fact]
    public void A_regular_file_over_one_mebibyte_is_refused_with_the_limit()
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("aesweep-big-").FullName, "big.yaml");
        File.WriteAllText(path, "name: x\n" + new string('#', 1024 * 1024));

        var ex = Assert.Throws<SweepFileUnreadableException>(() => SweepDefinitionParser.ParseFile(path));

        Assert.Contains("larger than 1 MiB, the limit for a sweep file", ex.Message, StringComparison.Ordinal);
        Directory.Delete(Path.GetDirectoryName(path)!, recursive: true);
    }

    [Fact]
    public void A_yaml_syntax_error_names_its_line_and_column()
    {
        var result = SweepDefinitionParser.Parse("name: x\nmethod: random\nparameters:\n  x: {min: 1, max: 2\nbudget: {max_trials: 3}\n");

        var error = Assert.Single(result.Errors);
        Assert.Equal(ValidationError.FilePath, error.Path);
        Assert.NotNull(error.Line);
        Assert.Matches(@"syntax error (at|near) line \d+, column \d+", error.Message);
    }

    [Fact]
    public void A_json_syntax_error_names_its_line_and_column()
    {
        var result = SweepDefinitionParser.Parse("{\n  \"name\": \"x\",\n  \"method\": \"random\"\n  \"seed\": 3\n}\n");

        var error = Assert.Single(result.Errors);
        Assert.Equal(ValidationError.FilePath, error.Path);
        Assert.Matches(@"syntax error (at|near) line \d+, column \d+", error.Message);
    }
}
