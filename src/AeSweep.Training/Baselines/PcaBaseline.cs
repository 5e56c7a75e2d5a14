using static TorchSharp.torch;

namespace AeSweep.Training.Baselines;

/// <summary>
/// The linear baseline every trial is shown against: PCA fitted on the training samples with as many components as
/// the autoencoder's code size, scored as the mean squared reconstruction error on the validation samples (the
/// same quantity as val_mse). An autoencoder that cannot beat it gains nothing from its nonlinearity.
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
        var basis = eigenvectors.narrow(1, features - k, k);
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
}
