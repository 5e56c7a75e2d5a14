using System.Diagnostics;
using AeSweep.Core.Catalog;
using AeSweep.Core.Trials;
using AeSweep.Training.Baselines;
using AeSweep.Training.Checkpoints;
using AeSweep.Training.Data;

namespace AeSweep.Training;

/// <summary>
/// Trains one trial, synchronously on the calling thread (TorchSharp's dispose scopes are thread-static: call it
/// from a dedicated thread, never from async code that may hop threads). Every epoch: train, validate (only what
/// ranking and pruning need: the sweep's metric and val_mse), copy the state to memory, report to the observer, which
/// may prune; the full validation suite once, on the final model. Checkpoints follow <see cref="CheckpointCadence"/>
/// (every <see cref="TrainingRequest.CheckpointSeconds"/>, at rungs, at the end) and are written off this thread; a
/// stop (cancellation, or the observer's <see cref="TrialDecision.Stop"/>) writes the last epoch end's state. Errors never escape: they become a <see cref="TrainingOutcome.Failed"/>
/// result with the reason; cancellation becomes <see cref="TrainingOutcome.Cancelled"/>.
/// </summary>
public static class TrialTrainer
{
    public static TrainingResult Train(TrainingRequest request, ITrainingObserver observer, CancellationToken cancellationToken) =>
        Train(request, observer, TimeProvider.System, cancellationToken);

    /// <summary>Trains with <paramref name="clock"/> timing the checkpoint cadence (tests move it by hand).</summary>
    public static TrainingResult Train(TrainingRequest request, ITrainingObserver observer, TimeProvider clock, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(clock);
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(observer);
        var history = new List<EpochReport>();
        var artifacts = new Dictionary<string, string>(StringComparer.Ordinal);
        var started = Stopwatch.GetTimestamp();
        try
        {
            TorchRuntime.ConfigureOpenMpWaiting();
            TorchRuntime.ConfigureProcessMemory();
            TorchRuntime.UseThreads(request.Threads);
            var settings = TrialSettings.FromParameters(request.Parameters);
            TrialValidation.ThrowIfInvalid(settings, request.Dataset);
            var device = TorchRuntime.ParseDevice(request.Device);
            cancellationToken.ThrowIfCancellationRequested();
            var data = DatasetLoader.Load(request.Dataset, request.DataSeed, device);
            if (settings.Loss == LossFunction.Bce && !data.InUnitInterval)
            {
                data.Dispose();
                return Failed(TrialValidation.BceOutsideUnitInterval, history, artifacts);
            }

            Directory.CreateDirectory(request.ArtifactDirectory);
            using var run = TrialRun.Create(settings, data, request.Seed, device);
            return TrainEpochs(request, observer, run, history, artifacts, TrialRun.Seconds(started), clock, cancellationToken);
        }
        catch (OperationCanceledException e) when (cancellationToken.IsCancellationRequested || e is StoppedByObserverException)
        {
            // Only a stop someone asked for is a cancellation. Any other OperationCanceledException (a call cancelled under
            // the reporter, say) falls through to a failure with its message, never to a "cancelled" the worker would report.
            return new TrainingResult(TrainingOutcome.Cancelled, LastMetrics(history), artifacts, history, history.Count, "cancelled");
        }
        catch (Exception e)
        {
            return Failed(e.Message, history, artifacts);
        }
    }

    private static TrainingResult TrainEpochs(
        TrainingRequest request,
        ITrainingObserver observer,
        TrialRun run,
        List<EpochReport> history,
        Dictionary<string, string> artifacts,
        double loadSeconds,
        TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var epochsStarted = Stopwatch.GetTimestamp();
        var checkpointDirectory = Path.Combine(request.ArtifactDirectory, TrialArtifacts.Checkpoint);
        var firstEpoch = 1;
        if (request.ResumeFrom is { } resumeFrom)
        {
            CheckpointProgress progress;
            using (TorchRuntime.NativeWork())
            {
                progress = TrainingCheckpoint.Load(resumeFrom, run.Model, run.Optimizer, run.Generator);
            }

            history.AddRange(progress.History);
            firstEpoch = progress.Epoch + 1;
        }

        var epochMetrics = EpochMetrics(request.Metric);
        var outcome = TrainingOutcome.Completed;
        using var checkpoints = new CheckpointWriter(checkpointDirectory, observer);
        var cadence = new CheckpointCadence(TimeSpan.FromSeconds(request.CheckpointSeconds), request.RungEpochs ?? [], clock);
        // The last epoch end's state when it was not written: what a stop between epoch ends writes.
        CheckpointSnapshot? unwritten = null;
        try
        {
            for (var epoch = firstEpoch; epoch <= run.Settings.Epochs; epoch++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var started = Stopwatch.GetTimestamp();
                var learningRate = run.Settings.LearningRateAt(epoch);
                OptimizerFactory.SetLearningRate(run.Optimizer, learningRate);
                var trainLoss = run.TrainEpoch(cancellationToken);
                var metrics = run.Validate(epochMetrics);
                var report = new EpochReport(epoch, trainLoss, metrics, TrialRun.Seconds(started), learningRate);
                history.Add(report);
                if (!double.IsFinite(trainLoss) || metrics.Values.Any(v => !double.IsFinite(v)))
                {
                    var what = double.IsFinite(trainLoss) ? "validation metrics" : $"training loss ({trainLoss})";
                    return Failed(
                        $"non-finite {what} at epoch {epoch} — training diverged (learning rate {learningRate:G3} may be too high)",
                        history,
                        artifacts);
                }

                // A copy in memory every epoch (cheap); written only when due, or when the trial is stopped before the next.
                if (unwritten is not null)
                {
                    checkpoints.Discard(unwritten); // superseded by this epoch's state
                    unwritten = null;
                }

                var snapshot = checkpoints.Capture(epoch, run.Model, run.Optimizer, run.Generator, history);
                var decision = observer.OnEpoch(report);
                if (decision == TrialDecision.Stop)
                {
                    // Whoever asked no longer wants this trial: end as a cancellation does, keeping this epoch's state.
                    unwritten = snapshot;
                    throw new StoppedByObserverException();
                }

                if (cadence.IsDue(epoch, endsTrial: decision == TrialDecision.Prune || epoch == run.Settings.Epochs))
                {
                    checkpoints.Submit(snapshot);
                    artifacts[TrialArtifacts.Checkpoint] = checkpointDirectory;
                    cadence.Written();
                    unwritten = null;
                }
                else
                {
                    unwritten = snapshot;
                }

                if (decision == TrialDecision.Prune)
                {
                    outcome = TrainingOutcome.Pruned;
                    break;
                }
            }
        }
        catch (OperationCanceledException) when (unwritten is not null)
        {
            // Stopped (shutdown, lost lease, time limit): write the last epoch end so the next attempt loses only the
            // epoch in progress; disposing the writer waits for it before the trial returns.
            WriteOnStop(checkpoints, unwritten, artifacts, checkpointDirectory);
            throw;
        }

        return Finish(request, run, history, artifacts, outcome, checkpoints, loadSeconds, TrialRun.Seconds(epochsStarted));
    }

    /// <summary>
    /// The final phase once the epochs are over (completed or pruned): the full validation suite on the final model,
    /// test metrics, the PCA baseline, the artifacts; waits for the last checkpoint. Shared with the fused trainer,
    /// which calls it for each member on that member's own model.
    /// </summary>
    internal static TrainingResult Finish(
        TrainingRequest request,
        TrialRun run,
        List<EpochReport> history,
        Dictionary<string, string> artifacts,
        TrainingOutcome outcome,
        CheckpointWriter checkpoints,
        double loadSeconds,
        double epochSeconds)
    {
        var finishStarted = Stopwatch.GetTimestamp();
        var final = LastMetrics(history);
        // The full suite, once, on the final model: the same numbers a full evaluation after the last epoch gives.
        foreach (var (name, value) in run.Validate())
        {
            if (!double.IsFinite(value))
            {
                return Failed($"non-finite {name} ({value}) on the final model — training diverged", history, artifacts);
            }

            final[name] = value;
        }

        if (outcome == TrainingOutcome.Completed && run.EvaluateTest() is { } test)
        {
            foreach (var (name, value) in test)
            {
                final[name] = value;
            }
        }

        foreach (var (name, value) in FinalEvaluation.Measure(request, run))
        {
            final[name] = value;
        }

        using (TorchRuntime.NativeWork())
        {
            final[MetricNames.PcaValidationMse] = PcaBaselineCache.ReconstructionMse(run.Data, run.Settings.CodeSize);
            // The cost objectives of multi-objective sweeps (metrics:): the model's size and its training time (this
            // attempt's epochs; in a fused pack, the pack's, since its members train together).
            final[MetricNames.ParameterCount] = run.Model.parameters().Where(p => p.requires_grad).Sum(p => p.numel());
            final[MetricNames.TrainSeconds] = epochSeconds;
            WriteArtifacts(request, run, history, artifacts);
        }

        // The last checkpoint was written while the final phase ran; it is on disk and recorded before the trial reports.
        checkpoints.Flush();
        return new TrainingResult(outcome, final, artifacts, history, history.Count, null)
        {
            Timings = new TrainingTimings(loadSeconds, epochSeconds, TrialRun.Seconds(finishStarted), run.Data.Train.shape[0]),
        };
    }

    internal static void WriteOnStop(CheckpointWriter checkpoints, CheckpointSnapshot snapshot, Dictionary<string, string> artifacts, string directory)
    {
        try
        {
            checkpoints.Submit(snapshot);
            artifacts[TrialArtifacts.Checkpoint] = directory;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // An earlier write failed; the trial is stopping anyway and resumes from the last good checkpoint.
        }
    }

    private static void WriteArtifacts(TrainingRequest request, TrialRun run, List<EpochReport> history, Dictionary<string, string> artifacts)
    {
        var directory = request.ArtifactDirectory;
        artifacts[TrialArtifacts.LearningCurve] = TrialArtifacts.WriteLearningCurve(directory, history);
        if (run.Data.Shape.IsImage)
        {
            artifacts[TrialArtifacts.Gallery] = TrialArtifacts.WriteGallery(directory, run.Model, run.Data, run.Noise, request.DataSeed);
        }
        else if (run.Data.Shape.IsSequence)
        {
            artifacts[TrialArtifacts.Gallery] = SequenceArtifacts.WriteGallery(directory, run.Model, run.Data, run.Noise, request.DataSeed);
        }

        artifacts[TrialArtifacts.LatentMapName] = TrialArtifacts.WriteLatentMap(directory, run.Model, run.Data, request.Dataset);
        AnomalyArtifacts.Write(directory, run.Model, run.Data, request.Dataset, artifacts);
    }

    // Unprefixed names of the validation metrics each epoch computes: val_mse, and the sweep's metric when it is one.
    // Metrics measured only on the final model (k-NN, denoising) are not computed each epoch.
    internal static string[] EpochMetrics(string? sweepMetric) =>
        sweepMetric is not null && sweepMetric.StartsWith(MetricNames.ValidationPrefix, StringComparison.Ordinal) && sweepMetric != MetricNames.ValidationMse
            && MetricCatalog.Find(sweepMetric) is not { Timing: MetricTiming.FinalOnly }
            ? [MetricNames.Mse, sweepMetric[MetricNames.ValidationPrefix.Length..]]
            : [MetricNames.Mse];

    internal static Dictionary<string, double> LastMetrics(List<EpochReport> history)
    {
        var metrics = new Dictionary<string, double>(StringComparer.Ordinal);
        if (history.Count > 0)
        {
            var last = history[^1];
            foreach (var (name, value) in last.Metrics)
            {
                metrics[name] = value;
            }

            metrics[MetricNames.TrainLoss] = last.TrainLoss;
            metrics[MetricNames.Epochs] = last.Epoch;
        }

        return metrics;
    }

    internal static TrainingResult Failed(string reason, List<EpochReport> history, Dictionary<string, string> artifacts) =>
        new(TrainingOutcome.Failed, LastMetrics(history), artifacts, history, history.Count, reason);

    /// <summary>The observer answered <see cref="TrialDecision.Stop"/>: ends the trial as a cancellation does.</summary>
    private sealed class StoppedByObserverException() : OperationCanceledException("the observer stopped the trial");
}
