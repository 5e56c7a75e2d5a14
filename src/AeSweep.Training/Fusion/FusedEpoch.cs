using AeSweep.Training.Models;
using static TorchSharp.torch;

namespace AeSweep.Training.Fusion;

/// <summary>
/// One epoch of a fused pack: each member draws its own permutation from its own generator (as its lone trial does,
/// in the same order: the permutation, then each batch's input noise), its batch is gathered from the shared data,
/// and the members' batches go through the fused model as [N, B, features]. Each member's objective is its own mean
/// loss; their sum is backpropagated once (members share no parameters, so each gradient is its member's alone) and
/// each member's own optimizer steps.
/// </summary>
internal static class FusedEpoch
{
    /// <summary>Returns each member's mean training objective; throws when cancelled between batches.</summary>
    public static double[] Train(IReadOnlyList<FusedMember> members, IFusedModel model, CancellationToken cancellationToken)
    {
        var runs = members.Select(m => m.Run).ToArray();
        foreach (var run in runs)
        {
            run.Model.train();
        }

        using var epochScope = NewDisposeScope();
        var data = runs[0].Data;
        var device = runs[0].Device;
        var count = data.Train.shape[0];
        var batch = runs[0].Settings.BatchSize;
        var generators = runs.Select(r => r.Generator).ToArray();
        var permutations = runs.Select(r => randperm(count, generator: r.Generator, device: device)).ToArray();
        var lossSums = runs.Select(_ => zeros(1, dtype: ScalarType.Float64, device: device)).ToArray();
        var batchNumber = 0;
        for (long start = 0; start < count; start += batch)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (++batchNumber % TrialRun.TrimEvery == 0)
            {
                TorchRuntime.ReleaseFreedMemory();
            }

            using var nativeWork = TorchRuntime.NativeWork();
            using var batchScope = NewDisposeScope();
            var size = Math.Min(batch, count - start);
            var clean = new Tensor[runs.Length];
            var input = new Tensor[runs.Length];
            for (var k = 0; k < runs.Length; k++)
            {
                clean[k] = data.Train.index_select(0, permutations[k].narrow(0, start, size));
                input[k] = runs[k].Noise.IsActive ? runs[k].Noise.Apply(clean[k], runs[k].Generator) : clean[k];
            }

            var (reconstruction, code, kl) = model.Run(stack(input), generators);
            var losses = new Tensor[runs.Length];
            for (var k = 0; k < runs.Length; k++)
            {
                losses[k] = runs[k].Objective.Compute(new AutoencoderPass(reconstruction[k], code[k], kl?[k]), clean[k]);
                runs[k].Optimizer.zero_grad();
            }

            stack(losses).sum().backward();
            for (var k = 0; k < runs.Length; k++)
            {
                runs[k].Optimizer.step();
                lossSums[k].add_(losses[k].detach().to_type(ScalarType.Float64) * size);
            }
        }

        var means = new double[runs.Length];
        using (TorchRuntime.NativeWork())
        {
            for (var k = 0; k < runs.Length; k++)
            {
                means[k] = lossSums[k].item<double>() / count;
            }
        }

        TorchRuntime.ReleaseFreedMemory();
        return means;
    }
}
