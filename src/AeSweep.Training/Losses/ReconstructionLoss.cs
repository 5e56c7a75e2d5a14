using static TorchSharp.torch;

namespace AeSweep.Training.Losses;

/// <summary>The training reconstruction losses (mean over every value): mse, l1, bce.</summary>
public static class ReconstructionLoss
{
    public static readonly IReadOnlyList<string> Names = ["mse", "l1", "bce"];

    public static Tensor Compute(string loss, Tensor reconstruction, Tensor target) => loss switch
    {
        "mse" => nn.functional.mse_loss(reconstruction, target),
        "l1" => nn.functional.l1_loss(reconstruction, target),
        // libtorch clamps log() at −100, so a saturated sigmoid cannot produce an infinite loss.
        "bce" => nn.functional.binary_cross_entropy(reconstruction, target),
        _ => throw new ArgumentException($"Unknown loss '{loss}' (mse, l1, bce)"),
    };
}
