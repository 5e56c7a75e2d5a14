using AeSweep.Core.Definitions;
using AeSweep.Core.Definitions.Stored;
using AeSweep.Core.Search;

namespace AeSweep.Core.Tests.Definitions;

/// <summary>
/// The sweep-control rules of the definitions: <c>enqueue:</c> entries checked against the space with field paths and
/// kept by the stored document, configurations given from outside, and budget changes with the file's bounds.
/// </summary>
public sealed class SweepControlDefinitionTests
{
    private const string Sweep = """
        name: control
        program: [python3, train.py]
        method: random
        metric: loss
        parameters:
          learning_rate: {min: 0.0001, max: 0.1}
          depth: {values: [1, 2]}
          width: {min: 8, max: 64, when: {depth: 2}}
          optimizer: adam
        budget: {max_trials: 10}
        """;

    private static SearchSpace Space => SweepDefinitionParser.Parse(Sweep).Definition!.SearchSpace;

    [Fact]
    public void Enqueue_entries_are_checked_against_the_space_with_their_index_and_name()
    {
        var parsed = SweepDefinitionParser.Parse(Sweep + "\nenqueue:\n  - {learning_rate: 0.01, depth: 1}\n  - {learning_rate: 0.5, depth: 2, width: 16}\n  - {depth: 1, width: 16, learning_rate: 0.01}\n");

        Assert.False(parsed.IsValid);
        Assert.Equal(["enqueue[1].learning_rate", "enqueue[2].width"], parsed.Errors.Select(e => e.Path));
        Assert.Equal(13, parsed.Errors[0].Line);
        Assert.Contains("from 0.0001 to 0.1", parsed.Errors[0].Message, StringComparison.Ordinal);
        Assert.Contains("condition on 'depth'", parsed.Errors[1].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_enqueued_configuration_that_breaks_a_constraint_is_refused_naming_the_entry_and_the_rule()
    {
        var parsed = SweepDefinitionParser.Parse(Sweep
            + "\nconstraints: [\"width <= 32\"]\nenqueue:\n  - {learning_rate: 0.01, depth: 2, width: 16}\n  - {learning_rate: 0.01, depth: 2, width: 48}\n  - {learning_rate: 0.01, depth: 1}\n");

        var error = Assert.Single(parsed.Errors);
        Assert.Equal("enqueue[1]", error.Path);
        Assert.Contains("width <= 32", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Enqueue_fills_constants_and_survives_the_stored_document()
    {
        var definition = SweepDefinitionParser.Parse(Sweep + "\nenqueue:\n  - {learning_rate: 0.01, depth: 2, width: 32.0}\n").Definition!;

        var entry = Assert.Single(definition.Enqueue);
        Assert.Equal(ParameterValue.Of("adam"), entry["optimizer"]);
        Assert.Equal(ParameterValueKind.Integer, entry["width"].Kind);
        var stored = StoredSweepDocument.Read(StoredSweepDocument.Write(definition));
        Assert.Equal(definition.Enqueue, stored.Enqueue);
    }

    [Fact]
    public void Enqueue_is_bounded_and_must_be_a_list_of_mappings()
    {
        var many = string.Concat(Enumerable.Repeat("\n  - {learning_rate: 0.01, depth: 1}", ConfigurationCheck.MaxEnqueued + 1));
        Assert.Contains(SweepDefinitionParser.Parse(Sweep + "\nenqueue:" + many).Errors, e => e.Path == "enqueue" && e.Message.Contains("at most 1000", StringComparison.Ordinal));
        Assert.Contains(SweepDefinitionParser.Parse(Sweep + "\nenqueue: {depth: 1}\n").Errors, e => e.Path == "enqueue");
        Assert.Contains(SweepDefinitionParser.Parse(Sweep + "\nenqueue: [3]\n").Errors, e => e.Path == "enqueue[0]");
    }

    [Fact]
    public void A_configuration_names_unknown_missing_and_out_of_bounds_parameters()
    {
        var given = new Dictionary<string, ParameterValue>
        {
            ["learning_rat"] = ParameterValue.Of(0.01),
            ["depth"] = ParameterValue.Of(3L),
        };

        var (configuration, errors) = ConfigurationCheck.Resolve(Space, given, "parameters");

        Assert.Null(configuration);
        Assert.Equal(["parameters.learning_rat", "parameters.learning_rate", "parameters.depth"], errors.Select(e => e.Path));
        Assert.Contains("learning_rate", errors[0].Message, StringComparison.Ordinal);
        Assert.Contains("required", errors[1].Message, StringComparison.Ordinal);
        Assert.Contains("one of 1, 2", errors[2].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_valid_configuration_takes_the_kinds_of_the_space()
    {
        var given = new Dictionary<string, ParameterValue>
        {
            ["learning_rate"] = ParameterValue.Of(0.05),
            ["depth"] = ParameterValue.Of(2.0),
            ["width"] = ParameterValue.Of(16.0),
        };

        var (configuration, errors) = ConfigurationCheck.Resolve(Space, given, "parameters");

        Assert.Empty(errors);
        Assert.Empty(Space.Check(configuration!));
        Assert.Equal(ParameterValueKind.Integer, configuration!["width"].Kind);
        Assert.Equal(ParameterValueKind.Integer, configuration["depth"].Kind);
    }

    [Fact]
    public void A_budget_change_keeps_the_files_bounds_and_never_goes_below_what_ran()
    {
        var current = new BudgetSpec(10, 2, 60);

        Assert.Equal(new BudgetSpec(12, 2, 60), new BudgetChange(12, null, null).ApplyTo(current, 5).Budget);
        Assert.Equal(new BudgetSpec(10, 8, 30), new BudgetChange(null, 8, 30).ApplyTo(current, 5).Budget);
        Assert.Equal(new BudgetSpec(5, 2, 60), new BudgetChange(5, null, null).ApplyTo(current, 5).Budget);

        var below = new BudgetChange(4, null, null).ApplyTo(current, 5);
        Assert.Null(below.Budget);
        Assert.Equal("budget.max_trials", Assert.Single(below.Errors).Path);
        Assert.Contains("below the 5 trial(s)", below.Errors[0].Message, StringComparison.Ordinal);

        var bounds = new BudgetChange(BudgetLimits.MaxTrials + 1, BudgetLimits.MaxParallel + 1, 0).ApplyTo(current, 0);
        Assert.Equal(["budget.max_trials", "budget.max_parallel", "budget.max_minutes"], bounds.Errors.Select(e => e.Path));
        Assert.Equal("budget", Assert.Single(new BudgetChange(null, null, null).ApplyTo(current, 0).Errors).Path);
    }

    [Fact]
    public void The_sweep_file_and_a_budget_change_share_the_bounds()
    {
        var file = SweepDefinitionParser.Parse(Sweep.Replace("budget: {max_trials: 10}", $"budget: {{max_trials: 10, max_parallel: {BudgetLimits.MaxParallel + 1}}}", StringComparison.Ordinal));

        Assert.Contains(file.Errors, e => e.Path == "budget.max_parallel");
        Assert.NotEmpty(new BudgetChange(null, BudgetLimits.MaxParallel + 1, null).ApplyTo(new BudgetSpec(10), 0).Errors);
        Assert.Empty(new BudgetChange(null, BudgetLimits.MaxParallel, null).ApplyTo(new BudgetSpec(10), 0).Errors);
    }
}
