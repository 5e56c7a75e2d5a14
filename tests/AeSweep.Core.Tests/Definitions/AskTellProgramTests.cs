using AeSweep.Core.Definitions;

namespace AeSweep.Core.Tests.Definitions;

/// <summary><c>program: {ask_tell: true}</c>: a sweep whose trainer lives outside AeSweep and asks and tells through the API.</summary>
public sealed class AskTellProgramTests
{
    private const string AskTell = """
        name: outside
        program: {ask_tell: true}
        method: tpe
        metric: {name: loss, goal: minimize}
        parameters:
          x: {min: -5.0, max: 5.0}
        budget: {max_trials: 4}
        """;

    [Fact]
    public void An_ask_tell_program_needs_no_command_dataset_or_model()
    {
        var result = SweepDefinitionParser.Parse(AskTell);

        Assert.True(result.IsValid, string.Join(Environment.NewLine, result.Errors));
        Assert.True(result.Definition!.Program!.AskTell);
        Assert.Empty(result.Definition.Program.Command);
        Assert.Null(result.Definition.Dataset);
    }

    [Fact]
    public void An_ask_tell_program_survives_the_stored_json_round_trip()
    {
        var definition = SweepDefinitionParser.Parse(AskTell).Definition!;

        var again = SweepDefinitionParser.Parse(SweepDefinitionJsonWriter.Write(definition));

        Assert.True(again.IsValid, string.Join(Environment.NewLine, again.Errors));
        Assert.Equal(definition, again.Definition);
    }

    [Fact]
    public void Ask_tell_with_a_command_is_an_error_at_its_path_and_line()
    {
        var result = SweepDefinitionParser.Parse(AskTell.Replace("{ask_tell: true}", "{ask_tell: true, command: [python3, t.py]}", StringComparison.Ordinal));

        var error = Assert.Single(result.Errors);
        Assert.Equal("program.ask_tell", error.Path);
        Assert.Equal(2, error.Line);
    }

    [Fact]
    public void Ask_tell_false_still_needs_a_command()
    {
        var result = SweepDefinitionParser.Parse(AskTell.Replace("ask_tell: true", "ask_tell: false", StringComparison.Ordinal));

        Assert.Contains(result.Errors, e => e.Path == "program.command");
    }
}
