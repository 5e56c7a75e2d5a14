using System.Diagnostics;
using System.Globalization;
using AeSweep.Core.Catalog;
using AeSweep.Training.Data;
using AeSweep.Core.Definitions;

namespace AeSweep.Training.Fusion;

/// <summary>
/// Trains a pack of trials of one sweep that share an architecture as one fused model (issue 13, horizontal fusion
/// after HFTA, MLSys 2021): the dense-stack families' linear layers run as batched matrix products over the members'
/// stacked weights (<see cref="FusedDenseStack"/>), the conv family's convolutions as grouped convolutions over the
/// members' stacked channels (<see cref="FusedConvStack"/>). Members keep their own seed and initialisation, data order, input
/// noise, loss, learning rate and schedule, optimizer and its state, checkpoints, epoch reports and pruning; a member
/// the observer prunes or stops leaves the pack and the others go on. A fused member's results equal the same trial
/// trained alone with <see cref="TrialTrainer"/> (to float rounding: the batched product sums in another order).
/// </summary>
/// <remarks>
/// Fused: the dense, denoising, sparse and vae families (the dense encoder/decoder stacks) and conv. Not fused (trained
/// alone, one after the other, when handed over anyway): lstm, and trials that resume from a checkpoint.
/// </remarks>
public static class FusedTrainer
{
    /// <summary>
    /// Trials whose keys are equal can be trained as one fused pack: the same family, depth, per-layer widths, code
    /// size, activation, sparsity kind (conv: depth, channels, code size, activation, down- and up-sampling), batch
    /// size and epochs, on the same device. Null: this trial is not fused (its family is not supported, or it resumes
    /// from a checkpoint) and is trained alone.
    /// </summary>
    public static string? FusionKey(TrainingRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.ResumeFrom is not null)
        {
            return null;
        }

        var s = TrialSettings.FromParameters(request.Parameters);
        if (s.Family == ModelFamily.Conv)
        {
            return ConvKey(s, request.Device);
        }

        if (s.Family is not (ModelFamily.Dense or ModelFamily.Denoising or ModelFamily.Sparse or ModelFamily.Vae))
        {
            return null;
        }

        return string.Join(
            '|',
            s.Family,
            s.Depth.ToString(CultureInfo.InvariantCulture),
            string.Join(',', s.Widths.Select(w => w.ToString(CultureInfo.InvariantCulture))),
            s.CodeSize.ToString(CultureInfo.InvariantCulture),
            s.Activation,
            s.IsSparse ? s.Sparsity.ToString() : "-", // the kl penalty puts a sigmoid on the code
            s.BatchSize.ToString(CultureInfo.InvariantCulture),
            s.Epochs.ToString(CultureInfo.InvariantCulture),
            request.Device);
    }

    // A conv model's shape: depth, base channels (doubled per block), code size, activation, down- and up-sampling.
    private static string ConvKey(TrialSettings s, string device) => string.Join(
        '|',
        s.Family,
        s.Depth.ToString(CultureInfo.InvariantCulture),
        s.Channels.ToString(CultureInfo.InvariantCulture),
        s.CodeSize.ToString(CultureInfo.InvariantCulture),
        s.Activation,
        s.Downsampling,
        s.Upsampling,
        s.BatchSize.ToString(CultureInfo.InvariantCulture),
        s.Epochs.ToString(CultureInfo.InvariantCulture),
        device);

    /// <summary>Trains every member; the results come back in the members' order.</summary>
    /// <param name="members">
    /// The pack (all with the same non-null <see cref="FusionKey"/>, the same dataset and data seed; otherwise, and for a
    /// single member, each is trained alone with <see cref="TrialTrainer"/>).
    /// </param>
    /// <param name="observers">One observer per member, in the same order.</param>
    /// <param name="clock">Times each member's checkpoint cadence.</param>
    /// <param name="cancellationToken">Stops every member (each writes its stop checkpoint, as a lone trial does).</param>
    public static IReadOnlyList<TrainingResult> Train(
        IReadOnlyList<TrainingRequest> members, IReadOnlyList<ITrainingObserver> observers, TimeProvider clock, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(members);
        ArgumentNullException.ThrowIfNull(observers);
        ArgumentNullException.ThrowIfNull(clock);
        if (members.Count != observers.Count || members.Count == 0)
        {
            throw new ArgumentException("A pack needs one observer per member and at least one member.", nameof(observers));
        }

        if (!CanFuse(members))
        {
            return [.. members.Select((m, i) => TrialTrainer.Train(m, observers[i], clock, cancellationToken))];
        }

        var results = new TrainingResult?[members.Count];
        var active = new List<FusedMember>();
        TrainingData? data = null;
        var started = Stopwatch.GetTimestamp();
        try
        {
            TorchRuntime.ConfigureOpenMpWaiting();
            TorchRuntime.ConfigureProcessMemory();
            TorchRuntime.UseThreads(members.Max(m => m.Threads));
            var device = TorchRuntime.ParseDevice(members[0].Device);
            cancellationToken.ThrowIfCancellationRequested();
            data = DatasetLoader.Load(members[0].Dataset, members[0].DataSeed, device);
            for (var i = 0; i < members.Count; i++)
            {
                try
                {
                    // Invalid settings fail this member alone, with the reason a lone trial gives.
                    var settings = TrialSettings.FromParameters(members[i].Parameters);
                    TrialValidation.ThrowIfInvalid(settings, members[i].Dataset);
                    if (settings.Loss == LossFunction.Bce && !data.InUnitInterval)
                    {
                        results[i] = Failed(TrialValidation.BceOutsideUnitInterval);
                        continue;
                    }

                    Directory.CreateDirectory(members[i].ArtifactDirectory);
                    var run = TrialRun.Create(settings, data, members[i].Seed, device, ownsData: false);
                    active.Add(new FusedMember(i, members[i], observers[i], run, clock));
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    results[i] = Failed(e.Message);
                }
            }

            TrainTogether(active, results, TrialRun.Seconds(started), cancellationToken);
        }
        catch (OperationCanceledException)
        {
            foreach (var member in active)
            {
                results[member.Index] = member.Cancel();
            }
        }
        catch (Exception e)
        {
            foreach (var member in active)
            {
                results[member.Index] = member.Fail(e.Message);
            }

            FillMissing(results, TrainingOutcome.Failed, e.Message);
        }
        finally
        {
            foreach (var member in active)
            {
                member.Dispose();
            }

            data?.Dispose();
        }

        FillMissing(results, TrainingOutcome.Cancelled, "cancelled");
        return [.. results.Select(r => r!)];
    }

    private static bool CanFuse(IReadOnlyList<TrainingRequest> members)
    {
        if (members.Count < 2)
        {
            return false;
        }

        var key = FusionKey(members[0]);
        return key is not null && members.All(m =>
            FusionKey(m) == key && m.Dataset.Equals(members[0].Dataset) && m.DataSeed == members[0].DataSeed);
    }

    private static void TrainTogether(List<FusedMember> active, TrainingResult?[] results, double loadSeconds, CancellationToken cancellationToken)
    {
        if (active.Count == 0)
        {
            return;
        }

        IFusedModel stack = active[0].Run.Settings.Family == ModelFamily.Conv
            ? new FusedConvStack(active.Select(m => m.Run.Model))
            : new FusedDenseStack(active.Select(m => m.Run.Model));
        var epochsStarted = Stopwatch.GetTimestamp();
        var epochs = active[0].Run.Settings.Epochs;
        for (var epoch = 1; epoch <= epochs && active.Count > 0; epoch++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var started = Stopwatch.GetTimestamp();
            var learningRates = active.Select(m => m.Run.Settings.LearningRateAt(epoch)).ToArray();
            for (var k = 0; k < active.Count; k++)
            {
                OptimizerFactory.SetLearningRate(active[k].Run.Optimizer, learningRates[k]);
            }

            var losses = FusedEpoch.Train(active, stack, cancellationToken);
            var leaving = new List<int>();
            for (var k = 0; k < active.Count; k++)
            {
                if (active[k].EndEpoch(epoch, losses[k], learningRates[k], started, loadSeconds, epochsStarted) is { } result)
                {
                    results[active[k].Index] = result;
                    leaving.Add(k);
                }
            }

            // A member that leaves is sliced out of the fused model; the others go on with their own state untouched.
            for (var j = leaving.Count - 1; j >= 0; j--)
            {
                var k = leaving[j];
                stack.Remove(k);
                active[k].Dispose();
                active.RemoveAt(k);
            }
        }
    }

    private static void FillMissing(TrainingResult?[] results, TrainingOutcome outcome, string reason)
    {
        for (var i = 0; i < results.Length; i++)
        {
            results[i] ??= new TrainingResult(outcome, new Dictionary<string, double>(), new Dictionary<string, string>(), [], 0, reason);
        }
    }

    private static TrainingResult Failed(string reason) =>
        new(TrainingOutcome.Failed, new Dictionary<string, double>(), new Dictionary<string, string>(), [], 0, reason);
}
