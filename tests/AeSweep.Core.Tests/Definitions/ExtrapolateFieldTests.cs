using AeSweep.Core.Definitions;
using AeSweep.Core.Definitions.Stored;
using AeSweep.Core.Search.Pruners;

namespace AeSweep.Core.Tests.Definitions;

/// <summary><c>early_terminate: {..., extrapolate: true}</c>: read, validated with field paths, stored and written back.</summary>
public sealed class ExtrapolateFieldTests
{
    private static string Sweep(string earlyTerminate, string epochs = "  epochs: {value: 27}\n") => $"""
        name: outside
        program: {"{"}ask_tell: true{"}"}
        early_terminate: {earlyTerminate}
        method: random
        metric: {"{"}name: loss, goal: minimize{"}"}
        parameters:
          x: {"{"}min: -5.0, max: 5.0{"}"}
        {epochs}budget: {"{"}max_trials: 40{"}"}
        """;

    [Theory]
    [InlineData("{type: asha, min_epochs: 4, extrapolate: true}", EarlyTerminateType.Asha)]
    [InlineData("{type: hyperband, min_iter: 4, eta: 3, extrapolate: true}", EarlyTerminateType.Hyperband)]
    public void Asha_and_hyperband_take_extrapolate_and_the_pruner_forecasts_at_the_sweeps_epochs(string section, EarlyTerminateType type)
    {
        var result = SweepDefinitionParser.Parse(Sweep(section));

        Assert.True(result.IsValid, string.Join(Environment.NewLine, result.Errors));
        Assert.Equal(type, result.Definition!.EarlyTerminate.Type);
        Assert.True(result.Definition.EarlyTerminate.Extrapolate);
        var pruner = PrunerFactory.Create(result.Definition.EarlyTerminate, 27);
        Assert.True(pruner is SuccessiveHalvingPruner { ForecastHorizon: 27 } or HyperbandPruner { Extrapolate: true });
    }

    [Fact]
    public void Without_the_field_asha_ranks_by_the_value_so_far()
    {
        var definition = SweepDefinitionParser.Parse(Sweep("{type: asha, min_epochs: 4}")).Definition!;

        Assert.False(definition.EarlyTerminate.Extrapolate);
        Assert.Null(Assert.IsType<SuccessiveHalvingPruner>(PrunerFactory.Create(definition.EarlyTerminate, 27)).ForecastHorizon);
    }

    [Theory]
    [InlineData("{type: median, extrapolate: true}", "is for asha and hyperband, not the median pruner")]
    [InlineData("{type: pasha, extrapolate: true}", "is for asha and hyperband, not the pasha pruner")]
    [InlineData("{type: asha, extrapolate: often}", "")]
    public void A_wrong_extrapolate_is_refused_with_its_field_path(string section, string message)
    {
        var result = SweepDefinitionParser.Parse(Sweep(section));

        Assert.False(result.IsValid);
        var error = Assert.Single(result.Errors, e => e.Path == "early_terminate.extrapolate");
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
        Assert.Equal(3, error.Line);
    }

    [Fact]
    public void Extrapolating_without_a_full_trials_epochs_is_refused_and_max_epochs_fixes_it()
    {
        var without = SweepDefinitionParser.Parse(Sweep("{type: asha, min_epochs: 4, extrapolate: true}", epochs: ""));
        var withMax = SweepDefinitionParser.Parse(Sweep("{type: asha, min_epochs: 4, max_epochs: 30, extrapolate: true}", epochs: ""));

        var error = Assert.Single(without.Errors, e => e.Path == "early_terminate.extrapolate");
        Assert.Contains("max_epochs", error.Message, StringComparison.Ordinal);
        Assert.True(withMax.IsValid, string.Join(Environment.NewLine, withMax.Errors));
        Assert.Equal(30, Assert.IsType<SuccessiveHalvingPruner>(PrunerFactory.Create(withMax.Definition!.EarlyTerminate)).ForecastHorizon);
    }

    [Fact]
    public void Extrapolate_survives_the_stored_document_and_the_json_writer()
    {
        var definition = SweepDefinitionParser.Parse(Sweep("{type: asha, min_epochs: 4, extrapolate: true}")).Definition!;

        var stored = StoredSweepDocument.Write(definition);

        Assert.Contains("\"extrapolate\": true", stored, StringComparison.Ordinal);
        Assert.Equal(definition, StoredSweepDocument.Read(stored));
        Assert.Equal(definition, SweepDefinitionParser.Parse(SweepDefinitionJsonWriter.Write(definition)).Definition);
    }

    [Fact]
    public void A_pruner_stored_before_the_field_existed_reads_as_not_extrapolating()
    {
        var definition = SweepDefinitionParser.Parse(Sweep("{type: asha, min_epochs: 4}")).Definition!;

        var stored = StoredSweepDocument.Write(definition);

        Assert.DoesNotContain("extrapolate", stored, StringComparison.Ordinal);
        Assert.False(StoredSweepDocument.Read(stored).EarlyTerminate.Extrapolate);
    }
}
