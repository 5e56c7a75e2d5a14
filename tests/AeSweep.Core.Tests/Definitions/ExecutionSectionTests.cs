using AeSweep.Core.Definitions;
using AeSweep.Core.Definitions.Stored;

namespace AeSweep.Core.Tests.Definitions;

/// <summary>The sweep file's execution section: execution.checkpoint_seconds and execution.fuse, their defaults, bounds and stored form.</summary>
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

    [Fact]
    public void Without_fuse_the_pack_size_is_auto()
    {
        Assert.Null(SweepDefinitionParser.Parse(Base).Definition!.Execution.Fuse);
        Assert.Null(SweepDefinitionParser.Parse(Base + "execution: {fuse: auto}").Definition!.Execution.Fuse);
    }

    [Theory]
    [InlineData("execution: {fuse: 1}", 1)]
    [InlineData("execution: {fuse: 4, checkpoint_seconds: 5}", 4)]
    [InlineData("execution: {fuse: 32}", 32)]
    [InlineData("execution: {fuse: auto}", null)]
    public void Fuse_survives_the_stored_document_and_the_canonical_json(string section, int? fuse)
    {
        var definition = SweepDefinitionParser.Parse(Base + section).Definition!;

        Assert.Equal(fuse, definition.Execution.Fuse);
        Assert.Equal(definition, StoredSweepDocument.Read(StoredSweepDocument.Write(definition)));
        Assert.Equal(definition, SweepDefinitionParser.Parse(SweepDefinitionJsonWriter.Write(definition)).Definition);
    }

    [Fact]
    public void A_stored_document_written_before_fuse_existed_reads_as_auto_as_the_parser_reads_it()
    {
        var definition = SweepDefinitionParser.Parse(Base + "execution: {checkpoint_seconds: 5, fuse: 8}").Definition!;
        var document = System.Text.Json.Nodes.JsonNode.Parse(StoredSweepDocument.Write(definition))!.AsObject();
        Assert.True(document["execution"]!.AsObject().Remove("fuse"));
        var withoutFuse = StoredSweepDocument.Read(document.ToJsonString());
        Assert.True(document.Remove("execution"));
        var withoutSection = StoredSweepDocument.Read(document.ToJsonString());

        Assert.Equal((5, (int?)null), (withoutFuse.Execution.CheckpointSeconds, withoutFuse.Execution.Fuse));
        Assert.Null(withoutSection.Execution.Fuse);
    }

    [Theory]
    [InlineData(null, "cpu", FusionPolicy.AutoCpuPackSize)]
    [InlineData(null, "cuda:0", FusionPolicy.AutoCudaPackSize)]
    [InlineData(null, "cuda", FusionPolicy.AutoCudaPackSize)]
    [InlineData(1, "cuda:0", 1)]
    [InlineData(4, "cpu", 4)]
    public void Auto_resolves_by_device_kind_and_a_written_size_is_kept(int? fuse, string device, int expected)
    {
        Assert.Equal(expected, FusionPolicy.Resolve(new ExecutionSpec { Fuse = fuse }, device, "dense"));
    }

    [Theory]
    [InlineData("{fuse: 0}", "execution.fuse")]
    [InlineData("{fuse: 33}", "execution.fuse")]
    [InlineData("{fuse: 2.5}", "execution.fuse")]
    [InlineData("{fuse: always}", "execution.fuse")]
    [InlineData("{fuse: [4]}", "execution.fuse")]
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
