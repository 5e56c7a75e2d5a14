using AeSweep.Core.Definitions;
using AeSweep.Training.Baselines;
using AeSweep.Training.Data;
using static TorchSharp.torch;

namespace AeSweep.Training.Tests;

/// <summary>What a worker keeps between trials: decoded IDX files and the PCA baseline per dataset and code size.</summary>
public sealed class DatasetReuseTests
{
    [Fact]
    public void A_decoded_idx_file_is_shared_until_the_file_changes()
    {
        var path = Path.Combine(TrainingFixture.TempDirectory(), "images.idx");
        File.WriteAllBytes(path, [0, 0, 8, 2, 0, 0, 0, 1, 0, 0, 0, 3, 7, 8, 9]);

        var first = DecodedIdxCache.Read(path);
        var again = DecodedIdxCache.Read(path);
        File.WriteAllBytes(path, [0, 0, 8, 2, 0, 0, 0, 1, 0, 0, 0, 4, 1, 2, 3, 4]);
        File.SetLastWriteTimeUtc(path, DateTime.UtcNow.AddMinutes(1));
        var rewritten = DecodedIdxCache.Read(path);

        Assert.Same(first, again);
        Assert.Equal([7, 8, 9], first.Values);
        Assert.Equal([1, 2, 3, 4], rewritten.Values);
    }

    [Fact]
    public void A_missing_idx_file_is_a_clear_error_every_time()
    {
        var path = Path.Combine(TrainingFixture.TempDirectory(), "absent.idx");

        Assert.Throws<FileNotFoundException>(() => DecodedIdxCache.Read(path));
        Assert.Throws<FileNotFoundException>(() => DecodedIdxCache.Read(path));
    }

    [Fact]
    public void Loads_of_the_same_data_share_an_identity_and_other_seeds_or_files_do_not()
    {
        var csv = TrainingFixture.WriteCsv(TrainingFixture.TempDirectory(), (r, c) => r + c, rows: 20, columns: 3);
        var spec = new DatasetSpec(DatasetSourceKind.Csv, CsvPath: csv, ValidationSplit: 0.2);
        using var first = DatasetLoader.Load(spec, 1, CPU);
        using var second = DatasetLoader.Load(spec, 1, CPU);
        using var otherSeed = DatasetLoader.Load(spec, 2, CPU);
        File.SetLastWriteTimeUtc(csv, DateTime.UtcNow.AddMinutes(1));
        using var rewritten = DatasetLoader.Load(spec, 1, CPU);

        Assert.NotNull(first.Identity);
        Assert.Equal(first.Identity, second.Identity);
        Assert.NotEqual(first.Identity, otherSeed.Identity);
        Assert.NotEqual(first.Identity, rewritten.Identity);
    }

    [Fact]
    public void The_pca_baseline_is_computed_once_per_dataset_and_code_size()
    {
        using var data = DatasetLoader.Load(TrainingFixture.Synthetic(300), 7, CPU);
        using var same = DatasetLoader.Load(TrainingFixture.Synthetic(300), 7, CPU);
        var direct = PcaBaseline.ReconstructionMse(data.Train, data.Validation, 4);

        var cached = PcaBaselineCache.ReconstructionMse(data, 4);
        // The same identity with the validation rows zeroed: a recomputation would give a different value.
        same.Validation.zero_();
        var reused = PcaBaselineCache.ReconstructionMse(same, 4);
        var otherSize = PcaBaselineCache.ReconstructionMse(data, 8);

        Assert.Equal(direct, cached, 12);
        Assert.Equal(cached, reused);
        Assert.NotEqual(cached, otherSize);
    }

    [Fact]
    public void Data_without_an_identity_gets_its_own_pca_baseline()
    {
        using var loaded = DatasetLoader.Load(TrainingFixture.Synthetic(200), 3, CPU);
        using var byHand = new TrainingData(loaded.Train.clone(), zeros_like(loaded.Validation), null, null, loaded.Shape, inUnitInterval: true);

        _ = PcaBaselineCache.ReconstructionMse(loaded, 2);

        Assert.Null(byHand.Identity);
        Assert.Equal(PcaBaseline.ReconstructionMse(byHand.Train, byHand.Validation, 2), PcaBaselineCache.ReconstructionMse(byHand, 2), 12);
    }
}
