using AeSweep.Core.Definitions;
using AeSweep.Core.Definitions.Stored;
using AeSweep.Core.Search.Samplers;

namespace AeSweep.Core.Tests.Search.Samplers;

/// <summary><c>method: gp</c> in the sweep file contract: validation, the stored document and the sampler factory.</summary>
public sealed class GpMethodTests
{
    private const string GpSweep = """
        name: gp-sweep
        dataset: {name: synthetic}
        model: dense
        method: gp
        parameters:
          depth: {min: 1, max: 3}
          learning_rate: {distribution: log_uniform_values, min: 0.0003, max: 0.01}
          epochs: {value: 2}
        budget: {max_trials: 5}
        """;

    [Fact]
    public void Validator_accepts_method_gp()
    {
        var result = SweepDefinitionParser.Parse(GpSweep);

        Assert.True(result.IsValid, string.Join(Environment.NewLine, result.Errors));
        Assert.Equal(SearchMethod.Gp, result.Definition!.Method);
    }

    [Fact]
    public void An_unknown_method_lists_gp_among_the_methods()
    {
        var result = SweepDefinitionParser.Parse(GpSweep.Replace("method: gp", "method: gpx", StringComparison.Ordinal));

        var error = Assert.Single(result.Errors, e => e.Path == "method");
        Assert.Contains("gp", error.Message.Replace("gpx", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public void Stored_document_keeps_method_gp()
    {
        var definition = SweepDefinitionParser.Parse(GpSweep).Definition!;

        var read = StoredSweepDocument.Read(StoredSweepDocument.Write(definition));

        Assert.Equal(SearchMethod.Gp, read.Method);
        Assert.Equal(definition, read);
    }

    [Fact]
    public void Factory_builds_a_gp_sampler_for_method_gp()
    {
        var definition = SweepDefinitionParser.Parse(GpSweep).Definition!;

        Assert.IsType<GpSampler>(SamplerFactory.Create(definition.Method, definition.SearchSpace, 1));
    }
}
