using AeSweep.Core.Catalog;
using AeSweep.Core.Definitions;

namespace AeSweep.Training.Tests;

public sealed class TrialSettingsTests
{
    [Fact]
    public void Absent_parameters_take_the_catalogs_defaults()
    {
        var settings = TrialSettings.FromParameters(TrainingFixture.Parameters());

        foreach (var parameter in ParameterCatalog.All.Where(p => p.Name != ParameterNames.Width))
        {
            var property = typeof(TrialSettings).GetProperty(string.Concat(parameter.Name.Split('_').Select(w => char.ToUpperInvariant(w[0]) + w[1..])));
            Assert.True(property is not null, $"TrialSettings has no property for {parameter.Name}");
            var value = property.GetValue(settings)!;
            switch (parameter.Kind)
            {
                case ParameterKind.Integer:
                    Assert.Equal(parameter.DefaultInteger, (int)value);
                    break;
                case ParameterKind.Number:
                    Assert.Equal(parameter.DefaultNumber, (double)value);
                    break;
                default:
                    Assert.Equal(parameter.DefaultChoice, parameter.Choices!.Value[(int)value]);
                    break;
            }
        }

        Assert.Equal(ParameterCatalog.Width.DefaultInteger, settings.Widths[0]);
        Assert.Equal(ParameterCatalog.Model.DefaultChoice, settings.Family.ToName());
    }

    [Fact]
    public void An_unknown_choice_is_refused_with_the_catalogs_choices()
    {
        var ex = Assert.Throws<ArgumentException>(() => TrialSettings.FromParameters(TrainingFixture.Parameters(("activation", "swish"))));

        Assert.Equal($"Unknown activation 'swish' ({string.Join(", ", ParameterCatalog.Activation.Choices!.Value)})", ex.Message);
    }

    [Fact]
    public void Absent_parameters_take_the_documented_defaults()
    {
        var settings = TrialSettings.FromParameters(TrainingFixture.Parameters());

        Assert.Equal(ModelFamily.Dense, settings.Family);
        Assert.Equal(32, settings.CodeSize);
        Assert.Equal([256, 128], settings.Widths);
        Assert.Equal(LossFunction.Mse, settings.Loss);
        Assert.Equal(OptimizerKind.Adam, settings.Optimizer);
        Assert.Equal(1e-3, settings.LearningRate);
        Assert.False(settings.IsDenoising);
    }

    [Fact]
    public void Per_layer_widths_override_width_and_denoising_defaults_to_gaussian_noise()
    {
        var settings = TrialSettings.FromParameters(TrainingFixture.Parameters(("model", "denoising"), ("depth", 3L), ("width", 100L), ("width_2", 40L)));

        Assert.Equal([100, 40, 100], settings.Widths);
        Assert.Equal(InputNoiseKind.Gaussian, settings.Noise);
        Assert.True(settings.IsDenoising);
    }

    [Fact]
    public void Schedules_are_a_function_of_the_epoch()
    {
        var cosine = TrialSettings.FromParameters(TrainingFixture.Parameters(("schedule", "cosine"), ("epochs", 10L), ("learning_rate", 0.1)));
        var step = TrialSettings.FromParameters(TrainingFixture.Parameters(("schedule", "step"), ("epochs", 9L), ("learning_rate", 0.1)));

        Assert.Equal(0.1, cosine.LearningRateAt(1), 10);
        Assert.True(cosine.LearningRateAt(10) < 0.01);
        Assert.Equal(0.1, step.LearningRateAt(3), 10);
        Assert.Equal(0.01, step.LearningRateAt(4), 10);
    }
}
