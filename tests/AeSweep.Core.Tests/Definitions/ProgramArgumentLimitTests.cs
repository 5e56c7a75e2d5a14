using AeSweep.Core.Definitions;

namespace AeSweep.Core.Tests.Definitions;

/// <summary>A program: sweep whose values cannot be passed as arguments (Linux MAX_ARG_STRLEN) is refused at submission.</summary>
public sealed class ProgramArgumentLimitTests
{
    private static string Sweep(string parameters) => $"""
        name: long-arguments
        program: [python3, train.py]
        method: random
        metric: {"{"}name: loss, goal: minimize{"}"}
        parameters:
        {parameters}
        budget: {"{"}max_trials: 3{"}"}
        """;

    [Fact]
    public void A_value_of_two_hundred_kilobytes_is_refused_naming_its_parameter()
    {
        var huge = new string('a', 200 * 1024);

        var result = SweepDefinitionParser.Parse(Sweep($"  x: {{min: 0.0, max: 1.0}}\n  blob: {{values: [short, {huge}]}}"));

        var error = Assert.Single(result.Errors);
        Assert.Equal("parameters.blob", error.Path);
        Assert.Equal(7, error.Line);
        Assert.Contains("128 KiB (Linux MAX_ARG_STRLEN)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Values_that_fit_one_by_one_but_not_together_in_AESWEEP_PARAMS_are_refused()
    {
        var parameters = string.Join("\n", Enumerable.Range(0, 3).Select(i => $"  p{i}: {{value: {new string((char)('a' + i), (50 * 1024) + i)}}}"));

        var result = SweepDefinitionParser.Parse(Sweep(parameters));

        var error = Assert.Single(result.Errors);
        Assert.Equal("parameters.p2", error.Path);
        Assert.Contains("AESWEEP_PARAMS", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Ordinary_program_parameters_pass()
    {
        var result = SweepDefinitionParser.Parse(Sweep($"  x: {{min: 0.0, max: 1.0}}\n  path: {{value: {new string('d', 4000)}}}"));

        Assert.True(result.IsValid, string.Join("\n", result.Errors));
    }
}
