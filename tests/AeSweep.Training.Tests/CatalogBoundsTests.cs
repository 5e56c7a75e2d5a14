using AeSweep.Core.Catalog;

namespace AeSweep.Training.Tests;

/// <summary>Training refuses sizes below the catalog's smallest, and names the parameter and the bound.</summary>
public sealed class CatalogBoundsTests
{
    [Theory]
    [InlineData(ParameterNames.Depth)]
    [InlineData(ParameterNames.BatchSize)]
    [InlineData(ParameterNames.CodeSize)]
    public void A_size_below_the_catalogs_smallest_fails_the_trial_naming_it(string name)
    {
        var result = TrialTrainer.Train(
            TrainingFixture.Request(TrainingFixture.Parameters((name, 0L), ("epochs", 1L)), TrainingFixture.Synthetic(100), TrainingFixture.TempDirectory()),
            new RecordingObserver(),
            CancellationToken.None);

        Assert.Equal(TrainingOutcome.Failed, result.Outcome);
        Assert.Equal($"{name} is 0; it must be ≥ {ParameterCatalog.Find(name)!.Min}", result.FailureReason);
    }
}
