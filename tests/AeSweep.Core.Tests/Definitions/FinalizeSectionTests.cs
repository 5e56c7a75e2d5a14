using AeSweep.Core.Definitions;
using AeSweep.Core.Definitions.Stored;

namespace AeSweep.Core.Tests.Definitions;

/// <summary>The sweep file's <c>finalize: {top_k, seeds}</c>: bounds with field paths, the stored form, ask-and-tell refused.</summary>
public sealed class FinalizeSectionTests
{
    private const string Base = """
        name: finalists
        dataset: {name: synthetic, limit: 200}
        model: dense
        method: random
        parameters:
          code_size: {values: [2, 4]}
          epochs:    {value: 1}
        budget: {max_trials: 4}

        """;

    [Fact]
    public void Without_the_section_a_sweep_has_no_finalists()
    {
        Assert.Null(SweepDefinitionParser.Parse(Base).Definition!.Finalize);
    }

    [Fact]
    public void Finalize_is_read_and_survives_the_stored_document_and_the_canonical_json()
    {
        var definition = SweepDefinitionParser.Parse(Base + "finalize: {top_k: 3, seeds: 4}").Definition!;

        Assert.Equal(new FinalizeSpec(3, 4), definition.Finalize);
        Assert.Equal(12, definition.Finalize!.MaxRuns);
        Assert.Equal(definition, StoredSweepDocument.Read(StoredSweepDocument.Write(definition)));
        Assert.Equal(definition, SweepDefinitionParser.Parse(SweepDefinitionJsonWriter.Write(definition)).Definition);
    }

    [Fact]
    public void A_stored_document_without_the_section_reads_without_finalists()
    {
        var written = StoredSweepDocument.Write(SweepDefinitionParser.Parse(Base).Definition!);

        Assert.DoesNotContain("finalize", written, StringComparison.Ordinal);
        Assert.Null(StoredSweepDocument.Read(written).Finalize);
    }

    [Theory]
    [InlineData("finalize: {top_k: 0, seeds: 2}", "finalize.top_k")]
    [InlineData("finalize: {top_k: 21, seeds: 2}", "finalize.top_k")]
    [InlineData("finalize: {top_k: 1.5, seeds: 2}", "finalize.top_k")]
    [InlineData("finalize: {top_k: 2, seeds: 1}", "finalize.seeds")]
    [InlineData("finalize: {top_k: 2, seeds: 11}", "finalize.seeds")]
    [InlineData("finalize: {top_k: 2, seeds: many}", "finalize.seeds")]
    [InlineData("finalize: {seeds: 2}", "finalize.top_k")]
    [InlineData("finalize: {top_k: 2}", "finalize.seeds")]
    [InlineData("finalize: {top_k: 2, seeds: 2, runs: 3}", "finalize.runs")]
    [InlineData("finalize: 3", "finalize")]
    public void Bad_finalize_is_refused_with_its_field_path(string section, string path)
    {
        var result = SweepDefinitionParser.Parse(Base + section);

        var error = Assert.Single(result.Errors);
        Assert.Equal(path, error.Path);
        Assert.NotNull(error.Line);
    }

    [Fact]
    public void Finalize_is_refused_for_an_ask_and_tell_program()
    {
        const string askTell = """
            name: outside
            program: {ask_tell: true}
            method: tpe
            metric: {name: loss, goal: minimize}
            parameters:
              x: {min: -5.0, max: 5.0}
            budget: {max_trials: 4}
            finalize: {top_k: 1, seeds: 2}
            """;

        var error = Assert.Single(SweepDefinitionParser.Parse(askTell).Errors);

        Assert.Equal("finalize", error.Path);
        Assert.Contains("ask_tell", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_program_sweep_may_finalize()
    {
        const string program = """
            name: mine
            program: {command: [python3, train.py]}
            method: random
            metric: {name: loss, goal: minimize}
            parameters:
              x: {min: -5.0, max: 5.0}
            budget: {max_trials: 4}
            finalize: {top_k: 1, seeds: 2}
            """;

        var result = SweepDefinitionParser.Parse(program);

        Assert.True(result.IsValid, string.Join(Environment.NewLine, result.Errors));
        Assert.Equal(new FinalizeSpec(1, 2), result.Definition!.Finalize);
    }
}
