using System.Globalization;
using System.Text;
using AeSweep.Core.Catalog;
using AeSweep.Core.Definitions;
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

    /// <summary>
    /// The gallery: for a denoising trial noisy / reconstruction / clean (the pipeline read top to bottom), otherwise
    /// original / reconstruction; then the error heatmap |clean − reconstruction|; then, for a VAE, prior samples, which
    /// are new images decoded from N(0, I) draws and unrelated to the columns above.
    /// </summary>
    public static string WriteGallery(string directory, Autoencoder model, TrainingData data, InputNoise noise, long dataSeed)
    {
        using var noGrad = no_grad();
        using var scope = NewDisposeScope();
        model.eval();
        var columns = (int)Math.Min(GalleryColumns, data.Validation.shape[0]);
        var originals = data.Validation.narrow(0, 0, columns);
        // Noise and prior samples come from the sweep's data seed, so every trial's gallery shows the same inputs.
        using var generator = new Generator(unchecked((ulong)dataSeed) ^ 0x9a11e7, originals.device);
        var rows = new List<GalleryRow>();
        Tensor reconstruction;
        if (noise.IsActive)
        {
            var noisy = noise.Apply(originals, generator);
            reconstruction = model.call(noisy);
            rows.Add(new GalleryRow(GalleryCaptions.Noisy, Rows(noisy)));
            rows.Add(new GalleryRow(GalleryCaptions.Reconstruction, Rows(reconstruction)));
            rows.Add(new GalleryRow(GalleryCaptions.Clean, Rows(originals)));
        }
        else
        {
            reconstruction = model.call(originals);
            rows.Add(new GalleryRow(GalleryCaptions.Original, Rows(originals)));
            rows.Add(new GalleryRow(GalleryCaptions.Reconstruction, Rows(reconstruction)));
        }

        rows.Add(new GalleryRow(GalleryCaptions.Error, Rows((originals - reconstruction).abs()), GalleryRowKind.ErrorHeatmap));
        if (model is VariationalAutoencoder vae)
        {
            rows.Add(new GalleryRow(GalleryCaptions.PriorSample, Rows(vae.SamplePrior(columns, generator, originals.device))));
        }

        var path = Path.Combine(directory, Gallery + ".png");
        ReconstructionGallery.Write(path, data.Shape, rows);
        return path;
    }

    public static string WriteLatentMap(string directory, Autoencoder model, TrainingData data, DatasetSpec? dataset = null)
    {
        using var noGrad = no_grad();
        using var scope = NewDisposeScope();
        model.eval();
        var count = Math.Min(LatentPoints, data.Validation.shape[0]);
        var codes = model.Encode(data.Validation.narrow(0, 0, count)).to_type(ScalarType.Float64).cpu();
        var (projected, shares) = ProjectOnTwoComponents(codes);
        var xy = projected.data<double>().ToArray();
        var points = Enumerable.Range(0, (int)count).Select(i => ((float)xy[2 * i], (float)xy[(2 * i) + 1])).ToArray();
        var labels = data.ValidationLabels?.narrow(0, 0, count).cpu().data<long>().ToArray();
        var path = Path.Combine(directory, LatentMapName + ".png");
        var code = model is VariationalAutoencoder ? "code means" : "codes";
        LatentMap.Write(
            path,
            points,
            labels,
            AxisTitle(1, shares[0]),
            codes.shape[1] == 1 ? "PC 2 (none: the code has one dimension)" : AxisTitle(2, shares[1]),
            label => ClassNames.Of(dataset, label),
            $"{count.ToString(CultureInfo.InvariantCulture)} validation {code} ({codes.shape[1].ToString(CultureInfo.InvariantCulture)}-D), PCA projection");
        return path;
    }

    private static string AxisTitle(int component, double share) =>
        $"PC {component.ToString(CultureInfo.InvariantCulture)} ({(share * 100).ToString("0", CultureInfo.InvariantCulture)} % of the codes' variance)";

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

    /// <summary>
    /// Codes (N, k) → their coordinates on the first two principal components (N, 2), and the share of the codes'
    /// total variance each component carries; k = 1 gets a zero second axis.
    /// </summary>
    internal static (Tensor Projected, double[] VarianceShares) ProjectOnTwoComponents(Tensor codes)
    {
        var centered = codes - codes.mean([0], keepdim: true);
        if (codes.shape[1] == 1)
        {
            return (cat([centered, zeros_like(centered)], 1), [1, 0]);
        }

        var covariance = centered.t().matmul(centered);
        var (values, vectors) = linalg.eigh(covariance); // ascending
        var k = vectors.shape[1];
        var total = Math.Max(values.sum().item<double>(), 1e-30);
        var top = values.narrow(0, k - 2, 2).flip(0).data<double>().ToArray();
        return (centered.matmul(vectors.narrow(1, k - 2, 2).flip(1)), [Math.Max(top[0], 0) / total, Math.Max(top[1], 0) / total]);
    }

    private static float[][] Rows(Tensor images)
    {
        var cpu = images.detach().to_type(ScalarType.Float32).cpu();
        return Enumerable.Range(0, (int)cpu.shape[0]).Select(i => cpu[i].data<float>().ToArray()).ToArray();
    }

    private static string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
