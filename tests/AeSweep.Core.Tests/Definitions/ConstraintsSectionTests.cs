using AeSweep.Core.Definitions;
using AeSweep.Core.Definitions.Stored;

namespace AeSweep.Core.Tests.Definitions;

/// <summary>The sweep file's <c>constraints:</c> and <c>warm_start:</c>: errors with field paths, bounds, the stored forms.</summary>
public sealed class ConstraintsSectionTests
{
    private const string Base = """
        name: constrained
        dataset: {name: synthetic, limit: 200}
        model: dense
        method: tpe
        parameters:
          code_size: {values: [2, 4, 8, 16]}
          width:     {values: [8, 16, 32, 64]}
          depth:     {min: 1, max: 4}
          learning_rate: {distribution: log_uniform_values, min: 0.0001, max: 0.1}
          epochs:    {value: 1}
        budget: {max_trials: 4}

        """;

    private static IReadOnlyList<ValidationError> Errors(string section) => SweepDefinitionParser.Parse(Base + section).Errors;

    [Fact]
    public void Constraints_are_read_and_survive_the_stored_document_and_the_canonical_json()
    {
        var definition = SweepDefinitionParser.Parse(Base + "constraints: [\"depth * width <= 64\", \"code_size < width\"]\nwarm_start: {from_sweeps: [abc, def]}").Definition!;

        Assert.Equal(["depth * width <= 64", "code_size < width"], definition.Constraints.Texts);
        Assert.Equal(["abc", "def"], definition.WarmStart!.FromSweeps.ToArray());
        Assert.Equal(definition, StoredSweepDocument.Read(StoredSweepDocument.Write(definition)));
        Assert.Equal(definition, SweepDefinitionParser.Parse(SweepDefinitionJsonWriter.Write(definition)).Definition);
    }

    [Fact]
    public void Without_the_sections_the_stored_document_is_unchanged()
    {
        var written = StoredSweepDocument.Write(SweepDefinitionParser.Parse(Base).Definition!);

        Assert.DoesNotContain("constraints", written, StringComparison.Ordinal);
        Assert.DoesNotContain("warm_start", written, StringComparison.Ordinal);
        Assert.True(StoredSweepDocument.Read(written).Constraints.IsEmpty);
    }

    [Fact]
    public void An_unknown_parameter_is_named_with_a_suggestion()
    {
        var error = Assert.Single(Errors("constraints: [\"depth <= 3\", \"depth * widht <= 1024\"]"));

        Assert.Equal("constraints[1]", error.Path);
        Assert.Contains("unknown parameter 'widht'", error.Message, StringComparison.Ordinal);
        Assert.Contains("did you mean 'width'?", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("constraints: [\"depth * (width <= 3\"]", "constraints[0]", "not an expression")]
    [InlineData("constraints: [\"depth * width\"]", "constraints[0]", "true or false")]
    [InlineData("constraints: [\"1 < 2\"]", "constraints[0]", "names no parameter")]
    [InlineData("constraints: [\"\"]", "constraints[0]", "1 to 500 characters")]
    [InlineData("constraints: \"depth < 3\"", "constraints", "must be a list")]
    [InlineData("constraints: [\"depth * width > 100000\"]", "constraints[0]", "no configuration satisfies")]
    [InlineData("constraints: [\"depth > 3\", \"depth < 2\"]", "constraints", "all the rules together")]
    [InlineData("constraints: [\"learning_rate > 0.5\"]", "constraints[0]", "spread points")]
    [InlineData("warm_start: {from_sweeps: []}", "warm_start.from_sweeps", "1 to 20")]
    [InlineData("warm_start: {from_sweeps: [a, a]}", "warm_start.from_sweeps[1]", "listed twice")]
    [InlineData("warm_start: {sweeps: [a]}", "warm_start.sweeps", "")]
    [InlineData("warm_start: [a]", "warm_start", "")]
    public void Bad_rules_are_refused_with_their_field_path(string section, string path, string message)
    {
        var errors = Errors(section);

        Assert.Contains(errors, e => e.Path == path && e.Message.Contains(message, StringComparison.Ordinal));
    }

    [Fact]
    public void Rule_count_and_length_are_bounded()
    {
        var many = "constraints: [" + string.Join(", ", Enumerable.Repeat("\"depth <= 4\"", 33)) + "]";
        var longRule = "constraints: [\"depth <= 4" + string.Concat(Enumerable.Repeat(" and depth <= 4", 40)) + "\"]";

        Assert.Contains(Errors(many), e => e.Path == "constraints" && e.Message.Contains("at most 32", StringComparison.Ordinal));
        Assert.Contains(Errors(longRule), e => e.Path == "constraints[0]" && e.Message.Contains("500", StringComparison.Ordinal));
        Assert.Contains(Errors("warm_start: {from_sweeps: [" + string.Join(", ", Enumerable.Range(0, 21).Select(i => $"s{i}")) + "]}"),
            e => e.Path == "warm_start.from_sweeps");
    }

    [Fact]
    public void A_wide_discrete_space_is_probed_instead_of_enumerated()
    {
        // 15 million grid points: the satisfiability check tries the corners and spread points instead of every point.
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var result = SweepDefinitionParser.Parse("""
            name: wide
            program: {ask_tell: true}
            method: random
            metric: {name: loss, goal: minimize}
            parameters:
              x: {min: 1, max: 5000000}
              y: {values: [1, 2, 3]}
            budget: {max_trials: 4}
            constraints: ["x * y <= 10"]
            """);

        Assert.True(result.IsValid, string.Join("; ", result.Errors));
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(20), $"validation took {clock.Elapsed}");
    }

    [Fact]
    public void A_rule_on_per_layer_widths_and_strings_is_accepted()
    {
        var result = SweepDefinitionParser.Parse("""
            name: layers
            dataset: {name: synthetic, limit: 200}
            model: dense
            method: random
            parameters:
              depth: {min: 1, max: 3}
              width: {values: [8, 16, 32], per_layer: true}
              loss:  {values: [mse, bce]}
              epochs: {value: 1}
            budget: {max_trials: 4}
            constraints: ["width_2 <= width_1", "width_3 <= width_2", "loss != 'bce' or width_1 >= 16"]
            """);

        Assert.True(result.IsValid, string.Join("; ", result.Errors));
    }
}
