using AeSweep.Core.Catalog;
using static TorchSharp.torch;

namespace AeSweep.Training.Losses;

/// <summary>The training reconstruction losses (mean over every value): mse, l1, bce.</summary>
public static class ReconstructionLoss
{
    public static Tensor Compute(LossFunction loss, Tensor reconstruction, Tensor target) => loss switch
    {
        LossFunction.Mse => nn.functional.mse_loss(reconstruction, target),
        LossFunction.L1 => nn.functional.l1_loss(reconstruction, target),
        // libtorch clamps log() at −100, so a saturated sigmoid cannot produce an infinite loss.
        LossFunction.Bce => nn.functional.binary_cross_entropy(reconstruction, target),
        _ => throw new ArgumentOutOfRangeException(nameof(loss), loss, "not a loss"),
    };
}
