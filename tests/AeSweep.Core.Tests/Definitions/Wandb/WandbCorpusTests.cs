using System.Text.RegularExpressions;
using AeSweep.Core.Definitions;

namespace AeSweep.Core.Tests.Definitions.Wandb;

/// <summary>
/// Real W&amp;B sweep files from public repositories (WandbCorpus/, each with its origin in its first line, copied
/// unchanged below it) validate as they are and are read as W&amp;B's dialect. WandbCorpus/Refused/ holds real files with
/// something AeSweep cannot honour: each must be refused at the field its '# expect: PATH' line names.
/// </summary>
public sealed partial class WandbCorpusTests
{
    private static string Folder => Path.Combine(AppContext.BaseDirectory, "Definitions", "WandbCorpus");

    public static TheoryData<string> Accepted() => Files(Folder);

    public static TheoryData<string> Refused() => Files(Path.Combine(Folder, "Refused"));

    private static TheoryData<string> Files(string folder)
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(folder, "*.yaml").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(file));
        }

        return data;
    }

    [Fact]
    public void Corpus_holds_at_least_fifteen_real_wandb_files_each_with_its_origin()
    {
        Assert.True(Accepted().Count >= 15);
        foreach (var file in Directory.GetFiles(Folder, "*.yaml", SearchOption.AllDirectories))
        {
            Assert.Matches(@"^# origin: https://github\.com/[^/]+/[^/]+/blob/[0-9a-f]{40}/\S+", File.ReadLines(file).First());
        }
    }

    [Theory]
    [MemberData(nameof(Accepted))]
    public void Real_wandb_sweep_file_validates_unchanged_as_a_wandb_file(string fileName)
    {
        var result = SweepDefinitionParser.Parse(File.ReadAllText(Path.Combine(Folder, fileName)), new SweepParseOptions(fileName));

        Assert.True(result.IsValid, string.Join("\n", result.Errors));
        Assert.Equal(SweepFlavor.Wandb, result.Flavor);
        Assert.Equal(SweepFlavor.Wandb, result.Definition!.Flavor);
        Assert.True(result.Definition.Program is { WandbArguments: true, WandbShim: true });
    }

    [Theory]
    [MemberData(nameof(Refused))]
    public void Wandb_file_with_what_aesweep_cannot_honour_is_refused_at_that_field(string fileName)
    {
        var text = File.ReadAllText(Path.Combine(Folder, "Refused", fileName));
        var expected = ExpectLine().Matches(text).Select(m => m.Groups["path"].Value).ToList();
        Assert.NotEmpty(expected);

        var result = SweepDefinitionParser.Parse(text, new SweepParseOptions(fileName));

        Assert.False(result.IsValid);
        Assert.Equal(SweepFlavor.Wandb, result.Flavor);
        foreach (var path in expected)
        {
            Assert.Contains(result.Errors, e => e.Path == path);
        }
    }

    [GeneratedRegex(@"^# expect: (?<path>\S+)$", RegexOptions.Multiline)]
    private static partial Regex ExpectLine();
}
