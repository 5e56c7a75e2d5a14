using AeSweep.Core.Catalog;
using AeSweep.Training.Models;
using static TorchSharp.torch;

namespace AeSweep.Training.Losses;

/// <summary>What the optimizer minimises: the reconstruction loss, plus the sparsity penalty or the β-weighted KL term.</summary>
public sealed record TrainingObjective(LossFunction Loss, SparsityPenaltyKind? Sparsity, double SparsityWeight, double SparsityTarget, double Beta)
{
    public static TrainingObjective For(TrialSettings settings) => new(
        settings.Loss,
        settings.IsSparse ? settings.Sparsity : (SparsityPenaltyKind?)null,
        settings.SparsityWeight,
        settings.SparsityTarget,
        settings.Beta);

    public Tensor Compute(AutoencoderPass pass, Tensor target)
    {
        var loss = ReconstructionLoss.Compute(Loss, pass.Reconstruction, target);
        if (Sparsity is not null && SparsityWeight > 0)
        {
            loss = loss + (SparsityPenalty.Compute(Sparsity.Value, pass.Code, SparsityTarget) * SparsityWeight);
        }

        if (pass.KlDivergence is { } kl)
        {
            loss = loss + (kl * Beta);
        }

        return loss;
    }
}
