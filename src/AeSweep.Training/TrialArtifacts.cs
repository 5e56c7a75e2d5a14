using System.Globalization;
using System.Text;
using AeSweep.Core.Catalog;
using AeSweep.Training.Data;
using AeSweep.Training.Imaging;
using AeSweep.Training.Models;
using static TorchSharp.torch;

namespace AeSweep.Training;

/// <summary>Writes a trial's pictures and learning curve into its artifact directory.</summary>
internal static class TrialArtifacts
{
    public const string Gallery = "gallery";
    public const string LatentMapName = "latent_map";
    public const string LearningCurve = "learning_curve";
    public const string Checkpoint = "checkpoint";

    /// <summary>Images per gallery row: the first validation samples, the same for every trial of a sweep.</summary>
    public const int GalleryColumns = 10;

    private const int LatentPoints = 2000;

    public static string WriteGallery(string directory, Autoencoder model, TrainingData data, InputNoise noise, long dataSeed)
    {
        using var noGrad = no_grad();
        using var scope = NewDisposeScope();
        model.eval();
        var columns = (int)Math.Min(GalleryColumns, data.Validation.shape[0]);
        var originals = data.Validation.narrow(0, 0, columns);
        // Noise and prior samples come from the sweep's data seed, so every trial's gallery shows the same inputs.
        using var generator = new Generator(unchecked((ulong)dataSeed) ^ 0x9a11e7, originals.device);
        var rows = new List<GalleryRow> { new("original", Rows(originals)) };
        var input = originals;
        if (noise.IsActive)
        {
            input = noise.Apply(originals, generator);
            rows.Add(new GalleryRow("noisy input", Rows(input)));
        }

        rows.Add(new GalleryRow("reconstruction", Rows(model.call(input))));
        if (model is VariationalAutoencoder vae)
        {
            rows.Add(new GalleryRow("prior sample", Rows(vae.SamplePrior(columns, generator, originals.device))));
        }

        var path = Path.Combine(directory, Gallery + ".png");
        ReconstructionGallery.Write(path, data.Shape, rows);
        return path;
    }

    public static string WriteLatentMap(string directory, Autoencoder model, TrainingData data)
    {
        using var noGrad = no_grad();
        using var scope = NewDisposeScope();
        model.eval();
        var count = Math.Min(LatentPoints, data.Validation.shape[0]);
        var codes = model.Encode(data.Validation.narrow(0, 0, count)).to_type(ScalarType.Float64).cpu();
        var projected = ProjectOnTwoComponents(codes);
        var xy = projected.data<double>().ToArray();
        var points = Enumerable.Range(0, (int)count).Select(i => ((float)xy[2 * i], (float)xy[(2 * i) + 1])).ToArray();
        var labels = data.ValidationLabels?.narrow(0, 0, count).cpu().data<long>().ToArray();
        var path = Path.Combine(directory, LatentMapName + ".png");
        LatentMap.Write(path, points, labels);
        return path;
    }

    public static string WriteLearningCurve(string directory, IReadOnlyList<EpochReport> history)
    {
        var builder = new StringBuilder($"epoch,{MetricNames.TrainLoss},learning_rate,seconds," + string.Join(',', MetricNames.Validation) + "\n");
        foreach (var report in history)
        {
            var metrics = MetricNames.Validation.Select(name => report.Metrics.TryGetValue(name, out var v) ? Format(v) : string.Empty);
            builder.Append(CultureInfo.InvariantCulture, $"{report.Epoch},{Format(report.TrainLoss)},{Format(report.LearningRate)},{Format(report.Seconds)},")
                .AppendJoin(',', metrics)
                .Append('\n');
        }

        var path = Path.Combine(directory, LearningCurve + ".csv");
        File.WriteAllText(path, builder.ToString());
        return path;
    }

    /// <summary>Codes (N, k) → their coordinates on the first two principal components (N, 2); k = 1 gets a zero second axis.</summary>
    internal static Tensor ProjectOnTwoComponents(Tensor codes)
    {
        var centered = codes - codes.mean([0], keepdim: true);
        if (codes.shape[1] == 1)
        {
            return cat([centered, zeros_like(centered)], 1);
        }

        var covariance = centered.t().matmul(centered);
        var (_, vectors) = linalg.eigh(covariance);
        var k = vectors.shape[1];
        return centered.matmul(vectors.narrow(1, k - 2, 2).flip(1));
    }

    private static float[][] Rows(Tensor images)
    {
        var cpu = images.detach().to_type(ScalarType.Float32).cpu();
        return Enumerable.Range(0, (int)cpu.shape[0]).Select(i => cpu[i].data<float>().ToArray()).ToArray();
    }

    private static string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
