using AeSweep.Training.Data;
using AeSweep.Training.Imaging;
using AeSweep.Training.Models;
using static TorchSharp.torch;

namespace AeSweep.Training;

/// <summary>The gallery of a sequence dataset: input against reconstruction for the first validation windows.</summary>
internal static class SequenceArtifacts
{
    /// <summary>Windows plotted: the first validation windows, the same for every trial of a sweep.</summary>
    public const int GalleryWindows = 4;

    /// <summary>Writes <c>gallery.png</c> (the same artifact name as the image gallery, so it is shown in the same place).</summary>
    public static string WriteGallery(string directory, Autoencoder model, TrainingData data, InputNoise noise, long dataSeed)
    {
        using var noGrad = no_grad();
        using var scope = NewDisposeScope();
        model.eval();
        var count = (int)Math.Min(GalleryWindows, data.Validation.shape[0]);
        var originals = data.Validation.narrow(0, 0, count);
        // The noise comes from the sweep's data seed, so every trial's gallery shows the same noisy inputs.
        using var generator = new Generator(unchecked((ulong)dataSeed) ^ 0x9a11e7, originals.device);
        var input = noise.IsActive ? noise.Apply(originals, generator) : originals;
        var reconstructions = Rows(model.call(input));
        var clean = Rows(originals);
        var noisy = noise.IsActive ? Rows(input) : null;
        var panels = Enumerable.Range(0, count)
            .Select(i => new SequencePanel($"validation window {i + 1}", clean[i], reconstructions[i], noisy?[i]))
            .ToArray();
        var path = Path.Combine(directory, TrialArtifacts.Gallery + ".png");
        SequenceGallery.Write(path, data.Shape.Steps, data.Shape.Channels, panels);
        return path;
    }

    private static float[][] Rows(Tensor rows)
    {
        var cpu = rows.detach().to_type(ScalarType.Float32).cpu();
        return [.. Enumerable.Range(0, (int)cpu.shape[0]).Select(i => cpu[i].data<float>().ToArray())];
    }
}
