using AeSweep.Core.Definitions;
using AeSweep.Core.Search;

namespace AeSweep.Core.Tests.Definitions;

public sealed class SweepDefinitionRoundTripTests
{
    public static TheoryData<string> ExampleFiles()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(RepositoryPaths.Examples, "*.yaml").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(file));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(ExampleFiles))]
    public void Every_example_is_valid(string fileName)
    {
        var result = SweepDefinitionParser.ParseFile(Path.Combine(RepositoryPaths.Examples, fileName), checkFilesExist: false);

        Assert.True(result.IsValid, string.Join(Environment.NewLine, result.Errors));
    }

    [Theory]
    [MemberData(nameof(ExampleFiles))]
    public void Yaml_to_definition_to_json_to_definition_gives_an_equal_definition(string fileName)
    {
        var fromYaml = SweepDefinitionParser.ParseFile(Path.Combine(RepositoryPaths.Examples, fileName), checkFilesExist: false).Definition!;

        var json = SweepDefinitionJsonWriter.Write(fromYaml);
        var fromJson = SweepDefinitionParser.Parse(json);

        Assert.True(fromJson.IsValid, json + Environment.NewLine + string.Join(Environment.NewLine, fromJson.Errors));
        Assert.Equal(fromYaml, fromJson.Definition);
        Assert.Equal(json, SweepDefinitionJsonWriter.Write(fromJson.Definition!));
    }

    [Fact]
    public void Per_layer_width_expands_into_conditional_layer_parameters()
    {
        var definition = Parse("""
            dataset: fashion-mnist
            model: dense
            method: random
            parameters:
              depth: {min: 2, max: 4}
              width: {values: [64, 128], per_layer: true}
              epochs: {value: 1}
            budget: {max_trials: 3}
            """);

        var names = definition.SearchSpace.Parameters.Select(p => p.Name).ToArray();
        Assert.Equal(["model", "depth", "width_1", "width_2", "width_3", "width_4", "epochs"], names);
        Assert.Null(definition.SearchSpace.Find("width_2")!.Condition);
        Assert.Equal(new ParameterCondition("depth", Min: 3), definition.SearchSpace.Find("width_3")!.Condition);
        Assert.Equal(new ParameterCondition("depth", Min: 4), definition.SearchSpace.Find("width_4")!.Condition);
    }

    [Fact]
    public void Integer_bounds_mean_int_uniform_and_float_bounds_mean_uniform()
    {
        var definition = Parse("""
            program: [python3, t.py]
            method: random
            parameters:
              a: {min: 1, max: 5}
              b: {min: 1.0, max: 5}
              c: {distribution: log_uniform_values, min: 0.001, max: 1}
              d: {min: 0, max: 1, q: 0.25}
            budget: {max_trials: 3}
            """);

        Assert.Equal(new IntDistribution(1, 5), definition.SearchSpace.Find("a")!.Distribution);
        Assert.Equal(new FloatDistribution(1, 5), definition.SearchSpace.Find("b")!.Distribution);
        Assert.Equal(new FloatDistribution(0.001, 1, log: true), definition.SearchSpace.Find("c")!.Distribution);
        Assert.Equal(new FloatDistribution(0, 1, step: 0.25), definition.SearchSpace.Find("d")!.Distribution);
    }

    [Fact]
    public void Json_sweep_files_parse_like_yaml_ones()
    {
        const string json = """
            {
            	"name": "j",
            	"dataset": {"name": "fashion-mnist", "limit": 100},
            	"model": {"values": ["dense", "vae"]},
            	"method": "tpe",
            	"parameters": {
            		"code_size": {"values": [2, 4]},
            		"beta": {"min": 0.5, "max": 2.0, "when": {"model": "vae"}},
            		"epochs": {"value": 3}
            	},
            	"budget": {"max_trials": 4}
            }
            """;

        var definition = Parse(json);

        Assert.Equal(new ParameterCondition("model", Values: [ParameterValue.Of("vae")]), definition.SearchSpace.Find("beta")!.Condition);
        Assert.Equal([ModelFamily.Dense, ModelFamily.Vae], definition.ModelFamilies);
    }

    [Fact]
    public void Json_errors_carry_field_paths_and_lines()
    {
        var result = SweepDefinitionParser.Parse("{\n  \"dataset\": \"fashion-mnist\",\n  \"model\": \"dense\",\n  \"method\": \"tpe\",\n  \"parameters\": {\"depth\": {\"min\": 0, \"max\": 3}, \"epochs\": {\"value\": 1}},\n  \"budget\": {\"max_trials\": 2}\n}");

        var error = Assert.Single(result.Errors);
        Assert.Equal("parameters.depth.min (line 5): must be an integer ≥ 1 and ≤ 16", error.ToString());
    }

    [Fact]
    public void Wandb_exponent_style_log_uniform_gets_a_suggestion_in_values()
    {
        var result = SweepDefinitionParser.Parse("""
            dataset: fashion-mnist
            model: dense
            method: tpe
            parameters:
              learning_rate: {distribution: log_uniform, min: -9.21, max: -4.61}
              epochs: {value: 1}
            budget: {max_trials: 2}
            """);

        var error = Assert.Single(result.Errors);
        Assert.Equal("parameters.learning_rate.min", error.Path);
        Assert.Contains("log_uniform_values with min: 0.0001 and max: 0.00995", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Misspelt_keys_come_with_a_suggestion()
    {
        var result = SweepDefinitionParser.Parse("""
            dataset: fashion-mnist
            model: dense
            method: tpe
            parameters:
              learnign_rate: {min: 0.001, max: 0.1}
              epochs: {value: 1}
            budget: {max_trail: 2}
            """);

        Assert.Contains(result.Errors, e => e.Path == "parameters.learnign_rate" && e.Message.EndsWith("did you mean 'learning_rate'?", StringComparison.Ordinal));
        Assert.Contains(result.Errors, e => e.Path == "budget.max_trail" && e.Message.EndsWith("did you mean 'max_trials'?", StringComparison.Ordinal));
    }

    [Fact]
    public void Yaml_anchors_and_merge_keys_are_understood()
    {
        var definition = Parse("""
            dataset: fashion-mnist
            model: dense
            method: tpe
            parameters:
              learning_rate: &lr {distribution: log_uniform_values, min: 0.001, max: 0.1}
              weight_decay: {<<: *lr, min: 0.0001}
              epochs: {value: 1}
            budget: {max_trials: 2}
            """);

        Assert.Equal(new FloatDistribution(0.0001, 0.1, log: true), definition.SearchSpace.Find("weight_decay")!.Distribution);
    }

    private static SweepDefinition Parse(string text)
    {
        var result = SweepDefinitionParser.Parse(text);
        Assert.True(result.IsValid, string.Join(Environment.NewLine, result.Errors));
        return result.Definition!;
    }
}
