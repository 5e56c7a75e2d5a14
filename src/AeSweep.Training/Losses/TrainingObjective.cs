using AeSweep.Training.Models;
using static TorchSharp.torch;

namespace AeSweep.Training.Losses;

/// <summary>What the optimizer minimises: the reconstruction loss, plus the sparsity penalty or the β-weighted KL term.</summary>
public sealed record TrainingObjective(string Loss, string? Sparsity, double SparsityWeight, double SparsityTarget, double Beta)
{
    public static TrainingObjective For(TrialSettings settings) => new(
        settings.Loss,
        settings.IsSparse ? settings.Sparsity : null,
        settings.SparsityWeight,
        settings.SparsityTarget,
        settings.Beta);

    public Tensor Compute(AutoencoderPass pass, Tensor target)
    {
        var loss = ReconstructionLoss.Compute(Loss, pass.Reconstruction, target);
        if (Sparsity is not null && SparsityWeight > 0)
        {
            loss = loss + (SparsityPenalty.Compute(Sparsity, pass.Code, SparsityTarget) * SparsityWeight);
        }

        if (pass.KlDivergence is { } kl)
        {
            loss = loss + (kl * Beta);
        }

        return loss;
    }
}
