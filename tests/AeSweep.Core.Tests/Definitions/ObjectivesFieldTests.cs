using AeSweep.Core.Definitions;
using AeSweep.Core.Definitions.Stored;
using AeSweep.Core.Search.Samplers;
using AeSweep.Core.Trials;

namespace AeSweep.Core.Tests.Definitions;

/// <summary>metrics: (2–3 objectives) instead of metric:, its errors with field paths, its stored forms and its sampler.</summary>
public sealed class ObjectivesFieldTests
{
    private const string Base = """
        name: rate-distortion
        dataset: {name: synthetic, limit: 200}
        model: dense
        method: auto
        parameters:
          code_size: {values: [2, 4, 8]}
          epochs:    {value: 2}
        budget: {max_trials: 6}

        """;

    [Fact]
    public void Two_objectives_make_a_multi_objective_sweep_ranked_first_by_the_first()
    {
        var result = SweepDefinitionParser.Parse(Base + "metrics: [{name: val_mse, goal: minimize}, {name: code_size, goal: minimize}]");

        Assert.True(result.IsValid, string.Join(Environment.NewLine, result.Errors));
        var definition = result.Definition!;
        Assert.True(definition.IsMultiObjective);
        Assert.Equal(["val_mse", "code_size"], definition.Objectives.Select(o => o.Name));
        Assert.Equal(new MetricSpec("val_mse", MetricGoal.Minimize), definition.Metric);
        Assert.IsType<AutoSampler>(SamplerFactory.Create(definition, 1));
        Assert.Contains("multi-objective TPE", SamplerFactory.Describe(definition), StringComparison.Ordinal);
    }

    [Fact]
    public void Objectives_survive_the_stored_document_and_the_canonical_json()
    {
        var definition = SweepDefinitionParser.Parse(Base + "metrics: [{name: val_psnr}, {name: parameter_count}, {name: train_seconds}]").Definition!;

        Assert.Equal(MetricGoal.Maximize, definition.Objectives[0].Goal);
        Assert.Equal(definition, StoredSweepDocument.Read(StoredSweepDocument.Write(definition)));
        Assert.Equal(definition, SweepDefinitionParser.Parse(SweepDefinitionJsonWriter.Write(definition)).Definition);
    }

    [Fact]
    public void Tpe_on_a_multi_objective_sweep_is_multi_objective_tpe_and_random_stays_random()
    {
        var tpe = SweepDefinitionParser.Parse(Base.Replace("method: auto", "method: tpe", StringComparison.Ordinal) + "metrics: [{name: val_mse}, {name: code_size}]").Definition!;
        var random = SweepDefinitionParser.Parse(Base.Replace("method: auto", "method: random", StringComparison.Ordinal) + "metrics: [{name: val_mse}, {name: code_size}]").Definition!;

        Assert.IsType<MotpeSampler>(SamplerFactory.Create(tpe, 1));
        Assert.IsType<RandomSampler>(SamplerFactory.Create(random, 1));
    }

    [Theory]
    [InlineData("metric: val_mse\nmetrics: [{name: val_mse}, {name: code_size}]", "metrics", "not both")]
    [InlineData("metrics: [{name: val_mse}]", "metrics", "2 to 3 objectives, not 1")]
    [InlineData("metrics: [{name: val_mse}, {name: code_size}, {name: parameter_count}, {name: train_seconds}]", "metrics", "not 4")]
    [InlineData("metrics: {name: val_mse}", "metrics", "must be a list")]
    [InlineData("metrics: [{name: val_mse}, {name: code_sise}]", "metrics[1].name", "did you mean 'code_size'")]
    [InlineData("metrics: [{name: val_mse}, {name: val_mse}]", "metrics[1].name", "already an objective")]
    [InlineData("metrics: [{name: val_mse}, {name: code_size, goal: maximize}]", "metrics[1].goal", "better when smaller")]
    [InlineData("metrics: [{name: val_mse}, {name: code_size, goal: smallest}]", "metrics[1].goal", "not a goal")]
    [InlineData("metrics: [{name: val_mse}, val_psnr]", "metrics[1]", "must be {name, goal}")]
    [InlineData("metrics: [{name: val_mse}, {goal: minimize}]", "metrics[1].name", "required")]
    [InlineData("metrics: [{name: val_mse}, {name: code_size, weight: 2}]", "metrics[1].weight", "unknown key")]
    public void Bad_objectives_are_errors_with_their_field_path(string section, string path, string message)
    {
        var result = SweepDefinitionParser.Parse(Base + section);

        Assert.False(result.IsValid);
        Assert.Contains(result.Errors, e => e.Path == path && e.Message.Contains(message, StringComparison.Ordinal));
    }

    [Fact]
    public void Early_terminate_is_refused_on_a_multi_objective_sweep()
    {
        var result = SweepDefinitionParser.Parse(Base + "metrics: [{name: val_mse}, {name: code_size}]\nearly_terminate: {type: median}");

        var error = Assert.Single(result.Errors);
        Assert.Equal("early_terminate", error.Path);
        Assert.StartsWith("not supported with metrics: (val_mse, code_size)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Gp_is_refused_on_a_multi_objective_sweep()
    {
        var result = SweepDefinitionParser.Parse(Base.Replace("method: auto", "method: gp", StringComparison.Ordinal) + "metrics: [{name: val_mse}, {name: code_size}]");

        var error = Assert.Single(result.Errors);
        Assert.Equal("method", error.Path);
        Assert.Contains("gp optimises one objective", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_single_objective_sweep_has_no_objectives_list()
    {
        var definition = SweepDefinitionParser.Parse(Base + "metric: {name: val_mse}").Definition!;

        Assert.False(definition.IsMultiObjective);
        Assert.Empty(definition.Objectives);
        Assert.DoesNotContain("\"metrics\"", SweepDefinitionJsonWriter.Write(definition), StringComparison.Ordinal);
    }
}
