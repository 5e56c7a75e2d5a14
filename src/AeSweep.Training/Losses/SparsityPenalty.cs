using AeSweep.Core.Catalog;
using static TorchSharp.torch;

namespace AeSweep.Training.Losses;

/// <summary>
/// Activity sparsity on the code: <c>l1</c> is the mean absolute code value; <c>kl</c> is Σ_j KL(ρ ‖ ρ̂_j), where
/// ρ̂_j is unit j's mean activation over the batch (the code passes through a sigmoid for this penalty) and ρ the target.
/// </summary>
public static class SparsityPenalty
{
    public static Tensor Compute(SparsityPenaltyKind kind, Tensor code, double target) => kind switch
    {
        SparsityPenaltyKind.L1 => code.abs().mean(),
        SparsityPenaltyKind.Kl => KullbackLeibler(code, target),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "not a sparsity penalty"),
    };

    private static Tensor KullbackLeibler(Tensor code, double rho)
    {
        var rhoHat = code.mean([0]).clamp(1e-6, 1 - 1e-6);
        return ((rho * (rho / rhoHat).log()) + ((1 - rho) * ((1 - rho) / (1 - rhoHat)).log())).sum();
    }
}
