using static TorchSharp.torch;

namespace AeSweep.Training.Fusion;

/// <summary>
/// The training pass of a fused pack: N same-shaped members' models run as one, on inputs stacked as [N, B, features].
/// The members' own modules stay the parameters' owners (each pass builds the fused weights from them), so each
/// member's optimizer, checkpoint and final evaluation work on its own tensors exactly as in a lone trial.
/// </summary>
internal interface IFusedModel
{
    /// <summary>
    /// Input [N, B, features] → each member's pass, stacked: reconstruction [N, B, features], code [N, B, code size] and,
    /// for VAEs, the KL term [N]. <paramref name="generators"/> (the members', in order) draw any samples the pass needs.
    /// </summary>
    (Tensor Reconstruction, Tensor Code, Tensor? Kl) Run(Tensor input, IReadOnlyList<Generator> generators);

    /// <summary>Leaves out the member at <paramref name="index"/> (pruned, stopped, finished or failed).</summary>
    void Remove(int index);
}
