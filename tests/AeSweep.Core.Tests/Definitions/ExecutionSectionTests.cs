using AeSweep.Core.Definitions;
using AeSweep.Core.Definitions.Stored;

namespace AeSweep.Core.Tests.Definitions;

/// <summary>The sweep file's execution section: execution.checkpoint_seconds, its default, bounds and stored form.</summary>
public sealed class ExecutionSectionTests
{
    private const string Base = """
        name: cadence
        dataset: {name: synthetic, limit: 200}
        model: dense
        method: random
        parameters:
          code_size: {values: [2, 4]}
          epochs:    {value: 3}
        budget: {max_trials: 2}

        """;

    [Fact]
    public void Without_the_section_trials_checkpoint_every_thirty_seconds()
    {
        var definition = SweepDefinitionParser.Parse(Base).Definition!;

        Assert.Equal(30, definition.Execution.CheckpointSeconds);
        Assert.Equal(ExecutionSpec.Default, definition.Execution);
    }

    [Fact]
    public void Checkpoint_seconds_survive_the_stored_document_and_the_canonical_json()
    {
        var definition = SweepDefinitionParser.Parse(Base + "execution: {checkpoint_seconds: 5}").Definition!;

        Assert.Equal(5, definition.Execution.CheckpointSeconds);
        Assert.Equal(definition, StoredSweepDocument.Read(StoredSweepDocument.Write(definition)));
        Assert.Equal(definition, SweepDefinitionParser.Parse(SweepDefinitionJsonWriter.Write(definition)).Definition);
    }

    [Fact]
    public void A_stored_document_written_before_the_section_existed_reads_with_the_default_cadence()
    {
        var definition = SweepDefinitionParser.Parse(Base + "execution: {checkpoint_seconds: 5}").Definition!;
        var written = StoredSweepDocument.Write(definition);
        var document = System.Text.Json.Nodes.JsonNode.Parse(written)!.AsObject();
        Assert.True(document.Remove("execution"));
        var withoutSection = document.ToJsonString();
        Assert.DoesNotContain("checkpoint_seconds", withoutSection, StringComparison.Ordinal);

        var read = StoredSweepDocument.Read(withoutSection);

        Assert.Equal(30, read.Execution.CheckpointSeconds);
    }

    [Theory]
    [InlineData("{checkpoint_seconds: 0}", "execution.checkpoint_seconds")]
    [InlineData("{checkpoint_seconds: 3601}", "execution.checkpoint_seconds")]
    [InlineData("{checkpoint_seconds: 2.5}", "execution.checkpoint_seconds")]
    [InlineData("{checkpoint_seconds: often}", "execution.checkpoint_seconds")]
    [InlineData("{checkpoint_secs: 10}", "execution.checkpoint_secs")]
    [InlineData("30", "execution")]
    public void A_wrong_execution_section_is_reported_with_its_field_path_and_line(string section, string path)
    {
        var result = SweepDefinitionParser.Parse(Base + "execution: " + section);

        var error = Assert.Single(result.Errors);
        Assert.Equal(path, error.Path);
        Assert.Equal(9, error.Line);
    }
}
