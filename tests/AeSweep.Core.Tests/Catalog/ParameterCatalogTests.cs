using System.Globalization;
using AeSweep.Core.Catalog;
using AeSweep.Core.Definitions;
using AeSweep.Core.Search;

namespace AeSweep.Core.Tests.Catalog;

/// <summary>The parameter catalog is what the validator accepts, with the catalog's bounds in its messages.</summary>
public sealed class ParameterCatalogTests
{
    public static TheoryData<string> Parameters() => new(ParameterCatalog.All.Select(p => p.Name));

    public static TheoryData<string> NumericParameters() => new(ParameterCatalog.All.Where(p => !p.IsCategorical).Select(p => p.Name));

    [Theory]
    [MemberData(nameof(Parameters))]
    public void Every_catalogued_parameter_is_accepted_at_its_default(string name)
    {
        var parameter = ParameterCatalog.Find(name)!;

        var result = SweepDefinitionParser.Parse(Sweep(name, Yaml(parameter.Default)));

        Assert.True(result.IsValid, string.Join(Environment.NewLine, result.Errors));
        Assert.Equal(parameter.Default, ((ConstantDistribution)result.Definition!.SearchSpace.Find(name)!.Distribution).Value);
    }

    [Theory]
    [MemberData(nameof(NumericParameters))]
    public void The_validator_refuses_a_value_past_a_bound_in_the_catalogs_words(string name)
    {
        var parameter = ParameterCatalog.Find(name)!;
        var above = parameter.IsInteger ? ((long)parameter.Max + 1).ToString(CultureInfo.InvariantCulture) : (parameter.Max + 1).ToString("0.0#######", CultureInfo.InvariantCulture);
        var atMin = parameter.IsInteger ? ((long)parameter.Min).ToString(CultureInfo.InvariantCulture) : parameter.Min.ToString("0.0#######", CultureInfo.InvariantCulture);

        var tooLarge = Assert.Single(SweepDefinitionParser.Parse(Sweep(name, above)).Errors);
        var lowest = SweepDefinitionParser.Parse(Sweep(name, atMin));

        Assert.Equal($"parameters.{name}.value", tooLarge.Path);
        Assert.StartsWith($"must be {parameter.DescribeAccepted()}, not ", tooLarge.Message, StringComparison.Ordinal);
        Assert.Equal(!parameter.MinExclusive, lowest.IsValid);
    }

    [Fact]
    public void A_name_outside_the_catalog_is_refused_for_built_in_models_with_a_catalog_suggestion()
    {
        var error = Assert.Single(SweepDefinitionParser.Parse(Sweep("learnig_rate", "0.1")).Errors);

        Assert.Equal("parameters.learnig_rate", error.Path);
        Assert.Contains("did you mean 'learning_rate'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Per_layer_widths_are_the_catalogs_width_up_to_the_most_layers()
    {
        Assert.Equal(ParameterCatalog.Width with { Name = "width_16" }, ParameterCatalog.Find(ParameterCatalog.LayerWidthName(ParameterCatalog.MaxLayers)));
        Assert.Null(ParameterCatalog.Find(ParameterCatalog.LayerWidthName(ParameterCatalog.MaxLayers + 1)));
    }

    [Fact]
    public void Every_family_reads_the_parameters_that_shape_every_model_and_only_its_own_extras()
    {
        foreach (var family in Enum.GetValues<ModelFamily>())
        {
            Assert.True(ParameterCatalog.CodeSize.AppliesTo(family));
            Assert.Equal(family == ModelFamily.Vae, ParameterCatalog.Beta.AppliesTo(family));
            Assert.Equal(family == ModelFamily.Conv, ParameterCatalog.Channels.AppliesTo(family));
            Assert.Equal(family != ModelFamily.Conv, ParameterCatalog.Width.AppliesTo(family));
            Assert.Equal(family != ModelFamily.Lstm, ParameterCatalog.Activation.AppliesTo(family));
        }

        Assert.Equal(ModelFamilyNames.All, ParameterCatalog.Model.Choices!.Value);
    }

    public static TheoryData<string, Type> ChoiceEnums() => new()
    {
        { ParameterNames.Loss, typeof(LossFunction) },
        { ParameterNames.Optimizer, typeof(OptimizerKind) },
        { ParameterNames.Activation, typeof(ActivationFunction) },
        { ParameterNames.Schedule, typeof(LearningRateSchedule) },
        { ParameterNames.Noise, typeof(InputNoiseKind) },
        { ParameterNames.Sparsity, typeof(SparsityPenaltyKind) },
        { ParameterNames.Upsampling, typeof(UpsamplingMethod) },
        { ParameterNames.Downsampling, typeof(DownsamplingMethod) },
    };

    [Theory]
    [MemberData(nameof(ChoiceEnums))]
    public void Each_choice_enum_follows_the_catalogs_names_in_order(string name, Type enumType)
    {
        var choices = ParameterCatalog.Find(name)!.Choices!.Value;

        var members = Enum.GetNames(enumType).Select(n => n.ToLowerInvariant());

        Assert.Equal(choices.Select(c => c.Replace("_", string.Empty, StringComparison.Ordinal)), members);
    }

    [Fact]
    public void A_choice_name_converts_to_its_enum_and_back()
    {
        Assert.Equal(ActivationFunction.LeakyRelu, CatalogChoice.Parse<ActivationFunction>(ParameterCatalog.Activation, "leaky_relu"));
        Assert.Equal("leaky_relu", CatalogChoice.NameOf(ParameterCatalog.Activation, ActivationFunction.LeakyRelu));
        var unknown = Assert.Throws<ArgumentException>(() => CatalogChoice.Parse<LossFunction>(ParameterCatalog.Loss, "huber"));
        Assert.Equal("Unknown loss 'huber' (mse, l1, bce)", unknown.Message);
    }

    private static string Yaml(ParameterValue value) => value.Kind == ParameterValueKind.Float
        ? value.AsDouble().ToString("0.0#######", CultureInfo.InvariantCulture)
        : value.ToString();

    private static string Sweep(string name, string value) => $$"""
        dataset: fashion-mnist
        model: dense
        method: random
        parameters:
          {{(name == ParameterNames.Epochs ? string.Empty : "epochs: {value: 1}")}}
          {{name}}: {value: {{value}}}
        budget: {max_trials: 1}
        """;
}
