using static TorchSharp.torch;

namespace AeSweep.Training.Baselines;

/// <summary>
/// The linear baseline every trial is shown against: PCA fitted on the training samples with as many components as
/// the autoencoder's code size, scored as the mean squared reconstruction error on the validation samples (the
/// same quantity as val_mse). An autoencoder that cannot beat it gains nothing from its nonlinearity. Its codes (the
/// coordinates on those components) are the baseline of the representation measures too.
/// </summary>
public static class PcaBaseline
{
    private const int Chunk = 4096;

    /// <summary>Validation MSE of a rank-<paramref name="components"/> PCA reconstruction fitted on <paramref name="train"/>.</summary>
    public static double ReconstructionMse(Tensor train, Tensor validation, int components)
    {
        ArgumentNullException.ThrowIfNull(train);
        ArgumentNullException.ThrowIfNull(validation);
        ArgumentOutOfRangeException.ThrowIfLessThan(components, 1);
        using var noGrad = no_grad();
        using var scope = NewDisposeScope();
        var (mean, basis) = Fit(train, components);
        var features = train.shape[1];
        var squared = 0.0;
        for (long start = 0; start < validation.shape[0]; start += Chunk)
        {
            using var chunkScope = NewDisposeScope();
            var v = (validation.narrow(0, start, Math.Min(Chunk, validation.shape[0] - start)) - mean).to_type(ScalarType.Float64);
            var reconstruction = v.matmul(basis).matmul(basis.t());
            squared += (reconstruction - v).square().sum().item<double>();
        }

        return squared / (validation.shape[0] * (double)features);
    }

    /// <summary>
    /// The PCA codes of <paramref name="samples"/> (float32, N × k): their coordinates on the top
    /// <paramref name="components"/> principal components of <paramref name="train"/> — the linear counterpart of an
    /// autoencoder's codes at the same code size.
    /// </summary>
    public static Tensor[] Codes(Tensor train, int components, params Tensor[] samples)
    {
        ArgumentNullException.ThrowIfNull(train);
        ArgumentNullException.ThrowIfNull(samples);
        ArgumentOutOfRangeException.ThrowIfLessThan(components, 1);
        using var noGrad = no_grad();
        using var scope = NewDisposeScope();
        var (mean, basis) = Fit(train, components);
        var projection = basis.to_type(ScalarType.Float32);
        var codes = samples.Select(s => (s - mean).matmul(projection)).ToArray();
        foreach (var code in codes)
        {
            code.MoveToOuterDisposeScope();
        }

        return codes;
    }

    /// <summary>The training mean (1 × features) and the top principal directions (features × k, float64, strongest last).</summary>
    private static (Tensor Mean, Tensor Basis) Fit(Tensor train, int components)
    {
        var mean = train.mean([0], keepdim: true);
        var features = train.shape[1];
        // The covariance is accumulated in float64 from float32 chunk products: float32 sums over a whole
        // Fashion-MNIST-sized set lose too much, while a float64 copy of the data would double peak memory.
        var covariance = zeros([features, features], dtype: ScalarType.Float64, device: train.device);
        for (long start = 0; start < train.shape[0]; start += Chunk)
        {
            using var chunkScope = NewDisposeScope();
            var centered = train.narrow(0, start, Math.Min(Chunk, train.shape[0] - start)) - mean;
            covariance.add_(centered.t().matmul(centered).to_type(ScalarType.Float64));
        }

        var (_, eigenvectors) = linalg.eigh(covariance); // ascending eigenvalues
        var k = Math.Min(components, features);
        return (mean, eigenvectors.narrow(1, features - k, k));
    }
}
