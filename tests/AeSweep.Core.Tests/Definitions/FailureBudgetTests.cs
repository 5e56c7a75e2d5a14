using AeSweep.Core.Definitions;

namespace AeSweep.Core.Tests.Definitions;

/// <summary>budget.max_failed_trials and budget.max_attempts: defaults, bounds and the stored JSON form.</summary>
public sealed class FailureBudgetTests
{
    private const string Base = """
        name: failure-budget
        program: [python3, train.py]
        method: random
        metric: {name: loss, goal: minimize}
        parameters:
          x: {min: 0.0, max: 1.0}

        """;

    [Fact]
    public void Without_the_keys_a_sweep_tolerates_ten_failures_in_a_row_and_three_attempts()
    {
        var definition = SweepDefinitionParser.Parse(Base + "budget: {max_trials: 5}").Definition!;

        Assert.Equal(10, definition.Budget.MaxFailedTrials);
        Assert.Equal(3, definition.Budget.MaxAttempts);
    }

    [Fact]
    public void Failure_limits_survive_the_json_the_store_keeps()
    {
        var fromYaml = SweepDefinitionParser.Parse(Base + "budget: {max_trials: 5, max_failed_trials: 4, max_attempts: 2}").Definition!;

        var json = SweepDefinitionJsonWriter.Write(fromYaml);
        var fromJson = SweepDefinitionParser.Parse(json).Definition!;

        Assert.Equal(4, fromJson.Budget.MaxFailedTrials);
        Assert.Equal(2, fromJson.Budget.MaxAttempts);
        Assert.Equal(fromYaml, fromJson);
    }

    [Theory]
    [InlineData("max_failed_trials: 0", "budget.max_failed_trials")]
    [InlineData("max_failed_trials: 2.5", "budget.max_failed_trials")]
    [InlineData("max_attempts: 0", "budget.max_attempts")]
    [InlineData("max_attempts: 101", "budget.max_attempts")]
    public void Out_of_range_failure_limits_are_reported_with_their_field_path(string entry, string path)
    {
        var result = SweepDefinitionParser.Parse(Base + $"budget: {{max_trials: 5, {entry}}}");

        var error = Assert.Single(result.Errors);
        Assert.Equal(path, error.Path);
        Assert.Equal(7, error.Line);
    }
}
