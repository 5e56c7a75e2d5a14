using static TorchSharp.torch;

namespace AeSweep.Training.Baselines;

/// <summary>
/// The linear baseline every trial is shown against: PCA fitted on the training samples with as many components as
/// the autoencoder's code size, scored as the mean squared reconstruction error on the validation samples (the
/// same quantity as val_mse). An autoencoder that cannot beat it gains nothing from its nonlinearity.
/// </summary>
public static class PcaBaseline
{
    /// <summary>Validation MSE of a rank-<paramref name="components"/> PCA reconstruction fitted on <paramref name="train"/>.</summary>
    public static double ReconstructionMse(Tensor train, Tensor validation, int components)
    {
        ArgumentNullException.ThrowIfNull(train);
        ArgumentNullException.ThrowIfNull(validation);
        ArgumentOutOfRangeException.ThrowIfLessThan(components, 1);
        using var noGrad = no_grad();
        using var scope = NewDisposeScope();
        // Float64: the covariance of tens of thousands of rows loses too much in float32 for small residuals.
        var x = train.to_type(ScalarType.Float64);
        var mean = x.mean([0], keepdim: true);
        var centered = x - mean;
        var covariance = centered.t().matmul(centered) / Math.Max(1, x.shape[0] - 1);
        var (_, eigenvectors) = linalg.eigh(covariance); // ascending eigenvalues
        var features = eigenvectors.shape[1];
        var k = Math.Min(components, features);
        var basis = eigenvectors.narrow(1, features - k, k);
        var v = validation.to_type(ScalarType.Float64) - mean;
        var reconstruction = v.matmul(basis).matmul(basis.t());
        return (reconstruction - v).square().mean().item<double>();
    }
}
