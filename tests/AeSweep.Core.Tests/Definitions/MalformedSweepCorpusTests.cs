using System.Text.RegularExpressions;
using AeSweep.Core.Definitions;

namespace AeSweep.Core.Tests.Definitions;

/// <summary>
/// Every file under Malformed/ starts with one '# expect: PATH [@LINE]' comment per error it must produce;
/// the reported errors must be exactly those paths (and lines, where given).
/// </summary>
public sealed partial class MalformedSweepCorpusTests
{
    public static TheoryData<string> CorpusFiles()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Definitions", "Malformed"), "*.yaml").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(file));
        }

        return data;
    }

    [Fact]
    public void Corpus_holds_at_least_thirty_malformed_files() => Assert.True(CorpusFiles().Count >= 30);

    [Theory]
    [MemberData(nameof(CorpusFiles))]
    public void Malformed_file_reports_exactly_the_expected_field_paths(string fileName)
    {
        var text = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Definitions", "Malformed", fileName));
        var expected = ExpectLine().Matches(text)
            .Select(m => (Path: m.Groups["path"].Value, Line: m.Groups["line"].Success ? int.Parse(m.Groups["line"].Value) : (int?)null))
            .ToList();
        Assert.NotEmpty(expected);

        var result = SweepDefinitionParser.Parse(text, new SweepParseOptions(fileName));

        Assert.False(result.IsValid);
        Assert.Null(result.Definition);
        var actual = result.Errors.Select(e => e.Path).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(expected.Select(e => e.Path).Order(StringComparer.Ordinal).ToList(), actual);
        foreach (var (path, line) in expected.Where(e => e.Line is not null))
        {
            Assert.Contains(result.Errors, e => e.Path == path && e.Line == line);
        }

        Assert.All(result.Errors, e => Assert.False(string.IsNullOrWhiteSpace(e.Message)));
    }

    [GeneratedRegex(@"^# expect: (?<path>\S+)(?: @(?<line>\d+))?$", RegexOptions.Multiline)]
    private static partial Regex ExpectLine();
}
