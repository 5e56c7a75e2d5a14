using AeSweep.Core.Search;
using AeSweep.Core.Search.Constraints;

namespace AeSweep.Core.Tests.Search.Constraints;

/// <summary>One rule and a set of rules on configurations: applicability, the check's messages.</summary>
public sealed class SweepConstraintTests
{
    private static Dictionary<string, ParameterValue> Config(params (string Name, object Value)[] values) =>
        values.ToDictionary(v => v.Name, v => ParameterValue.FromObject(v.Value), StringComparer.Ordinal);

    [Fact]
    public void A_rule_reads_integers_floats_and_strings()
    {
        var rules = SweepConstraints.Parse(["depth * width <= 1024", "learning_rate < 0.01", "loss == 'mse' or depth < 3"]);

        Assert.True(rules.IsSatisfiedBy(Config(("depth", 4L), ("width", 256L), ("learning_rate", 0.001), ("loss", "mse"))));
        Assert.False(rules.IsSatisfiedBy(Config(("depth", 5L), ("width", 256L), ("learning_rate", 0.001), ("loss", "mse"))));
        Assert.False(rules.IsSatisfiedBy(Config(("depth", 3L), ("width", 8L), ("learning_rate", 0.001), ("loss", "bce"))));
        Assert.False(rules.IsSatisfiedBy(Config(("depth", 1L), ("width", 8L), ("learning_rate", 0.05), ("loss", "bce"))));
    }

    [Fact]
    public void A_rule_naming_an_absent_parameter_is_not_applied()
    {
        var rule = SweepConstraint.TryParse("width_3 <= width_2", out _)!;

        Assert.Null(rule.IsSatisfiedBy(Config(("width_1", 64L), ("width_2", 32L))));
        Assert.False(rule.IsSatisfiedBy(Config(("width_1", 64L), ("width_2", 32L), ("width_3", 64L))));
        Assert.True(new SweepConstraints([rule]).IsSatisfiedBy(Config(("width_1", 64L), ("width_2", 32L))));
    }

    [Fact]
    public void Check_names_the_rule_broken_or_says_nothing()
    {
        var rules = SweepConstraints.Parse(["depth <= 3", "depth * width <= 1024"]);

        Assert.Null(rules.Check(Config(("depth", 2L), ("width", 64L))));
        Assert.Equal("violates constraints[1] 'depth * width <= 1024'", rules.Check(Config(("depth", 2L), ("width", 1024L))));
        // A rule that cannot compare its values counts as broken: such a configuration is never run.
        Assert.NotNull(rules.Check(Config(("depth", "deep"), ("width", 1024L))));
    }

    [Fact]
    public void A_syntax_error_is_reported_not_thrown()
    {
        Assert.Null(SweepConstraint.TryParse("depth * (width", out var error));
        Assert.Contains("not an expression", error, StringComparison.Ordinal);
    }
}
