using AeSweep.Core.Definitions;
using AeSweep.Core.Definitions.Stored;
using AeSweep.Core.Search.Samplers;

namespace AeSweep.Core.Tests.Definitions;

/// <summary><c>method:</c> — <c>auto</c> (recommended), <c>tpe</c> with its multivariate setting, and the errors for anything else.</summary>
public sealed class SearchMethodFieldTests
{
    private static string Sweep(string method) => $"""
        name: outside
        program: {"{"}ask_tell: true{"}"}
        method: {method}
        metric: {"{"}name: loss, goal: minimize{"}"}
        parameters:
          x: {"{"}min: -5.0, max: 5.0{"}"}
          y: {"{"}distribution: log_uniform, min: 0.001, max: 1.0{"}"}
        budget: {"{"}max_trials: 40{"}"}
        seed: 3
        """;

    [Fact]
    public void Auto_is_a_search_method_and_says_what_it_will_run()
    {
        var result = SweepDefinitionParser.Parse(Sweep("auto"));

        Assert.True(result.IsValid, string.Join(Environment.NewLine, result.Errors));
        Assert.Equal(SearchMethod.Auto, result.Definition!.Method);
        Assert.Equal("auto: quasi-random start (10 trials), then gp (2 numeric parameters, max_trials 40)", SamplerFactory.Describe(result.Definition));
        Assert.IsType<AutoSampler>(SamplerFactory.Create(result.Definition, 3));
    }

    [Fact]
    public void Tpe_is_univariate_unless_the_mapping_form_asks_for_multivariate()
    {
        var plain = SweepDefinitionParser.Parse(Sweep("tpe")).Definition!;
        var joint = SweepDefinitionParser.Parse(Sweep("{type: tpe, multivariate: true}"));

        Assert.True(joint.IsValid, string.Join(Environment.NewLine, joint.Errors));
        Assert.False(plain.TpeMultivariate);
        Assert.True(joint.Definition!.TpeMultivariate);
        Assert.Equal("tpe (univariate)", SamplerFactory.Describe(plain));
        Assert.Equal("tpe (multivariate, grouped)", SamplerFactory.Describe(joint.Definition));
        Assert.True(((TpeSampler)SamplerFactory.Create(joint.Definition, 1)).Options is { Multivariate: true, Group: true });
        Assert.False(((TpeSampler)SamplerFactory.Create(plain, 1)).Options.Multivariate);
    }

    [Theory]
    [InlineData("autoo", "method", "'autoo' is not a search method (grid, random, tpe, gp, auto)")]
    [InlineData("bayes", "method", "W&B's name")]
    [InlineData("{type: gridd}", "method.type", "not a search method")]
    [InlineData("{multivariate: true}", "method.type", "required")]
    [InlineData("{type: random, multivariate: true}", "method.multivariate", "only TPE")]
    [InlineData("{type: tpe, multivariate: maybe}", "method.multivariate", "")]
    [InlineData("{type: tpe, multivariat: true}", "method.multivariat", "")]
    public void A_wrong_method_is_refused_with_its_field_path(string method, string path, string message)
    {
        var result = SweepDefinitionParser.Parse(Sweep(method));

        Assert.False(result.IsValid);
        var error = Assert.Single(result.Errors, e => e.Path == path);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
        Assert.Equal(3, error.Line);
    }

    [Fact]
    public void Auto_and_multivariate_tpe_survive_the_stored_document_and_the_json_writer()
    {
        foreach (var method in new[] { "auto", "{type: tpe, multivariate: true}", "tpe" })
        {
            var definition = SweepDefinitionParser.Parse(Sweep(method)).Definition!;

            Assert.Equal(definition, StoredSweepDocument.Read(StoredSweepDocument.Write(definition)));
            Assert.Equal(definition, SweepDefinitionParser.Parse(SweepDefinitionJsonWriter.Write(definition)).Definition);
        }
    }

    [Fact]
    public void A_tpe_sweep_stored_before_the_setting_existed_stays_univariate()
    {
        var stored = StoredSweepDocument.Write(SweepDefinitionParser.Parse(Sweep("{type: tpe, multivariate: true}")).Definition!)
            .Replace("\"tpe_multivariate\": true,", string.Empty, StringComparison.Ordinal);

        Assert.DoesNotContain("tpe_multivariate", stored, StringComparison.Ordinal);
        Assert.False(StoredSweepDocument.Read(stored).TpeMultivariate);
    }
}
