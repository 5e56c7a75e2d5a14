using AeSweep.Core.Definitions;

namespace AeSweep.Core.Tests.Definitions;

public sealed class MaxTrialMinutesTests
{
    private static string Sweep(string budget) => $$"""
        name: limited
        program: {command: [python3, train.py]}
        method: random
        metric: {name: loss, goal: minimize}
        parameters:
          x: {min: 0.0, max: 1.0}
        budget: {{budget}}
        """;

    [Theory]
    [InlineData("0.02", 0.02)]
    [InlineData("30", 30.0)]
    [InlineData("525600", 525_600.0)]
    public void Max_trial_minutes_takes_any_positive_number_up_to_a_year(string text, double minutes)
    {
        var result = SweepDefinitionParser.Parse(Sweep($"{{max_trials: 2, max_trial_minutes: {text}}}"));

        Assert.True(result.IsValid, string.Join(Environment.NewLine, result.Errors));
        Assert.Equal(minutes, result.Definition!.Budget.MaxTrialMinutes);
    }

    [Theory]
    [InlineData("0", "must be a number > 0 and ≤ 525600, not 0")]
    [InlineData("-1", "must be a number > 0 and ≤ 525600, not -1")]
    [InlineData("600000", "must be a number > 0 and ≤ 525600, not 600000")]
    [InlineData("soon", "must be a number, not")]
    [InlineData(".nan", "must be a number, not")]
    public void Bad_max_trial_minutes_is_reported_with_its_field_path_and_line(string text, string message)
    {
        var result = SweepDefinitionParser.Parse(Sweep($"{{max_trials: 2, max_trial_minutes: {text}}}"));

        var error = Assert.Single(result.Errors);
        Assert.Equal("budget.max_trial_minutes", error.Path);
        Assert.Equal(7, error.Line);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Max_trial_minutes_survives_the_json_round_trip()
    {
        var fromYaml = SweepDefinitionParser.Parse(Sweep("{max_trials: 2, max_minutes: 30, max_trial_minutes: 0.5}")).Definition!;

        var json = SweepDefinitionJsonWriter.Write(fromYaml);
        var fromJson = SweepDefinitionParser.Parse(json).Definition;

        Assert.Contains("\"max_trial_minutes\": 0.5", json, StringComparison.Ordinal);
        Assert.Equal(fromYaml, fromJson);
        Assert.Equal(0.5, fromJson!.Budget.MaxTrialMinutes);
    }

    [Fact]
    public void Without_max_trial_minutes_a_trial_has_no_time_limit()
    {
        var definition = SweepDefinitionParser.Parse(Sweep("{max_trials: 2}")).Definition!;

        Assert.Null(definition.Budget.MaxTrialMinutes);
        Assert.DoesNotContain("max_trial_minutes", SweepDefinitionJsonWriter.Write(definition), StringComparison.Ordinal);
    }
}
