using AeSweep.Core.Trials;
using AeSweep.Training.Checkpoints;

namespace AeSweep.Training.Fusion;

/// <summary>
/// One trial inside a fused pack: its own model, optimizer and generator (a <see cref="TrialRun"/> built exactly as a
/// lone trial's, same seed and initialisation order), its history, checkpoints on its own cadence, its observer. The
/// pack trains the models together; everything that happens at an epoch end happens here, one member at a time, in
/// the same order and with the same code as <see cref="TrialTrainer"/>.
/// </summary>
internal sealed class FusedMember : IDisposable
{
    private readonly ITrainingObserver _observer;
    private readonly List<EpochReport> _history = [];
    private readonly Dictionary<string, string> _artifacts = new(StringComparer.Ordinal);
    private readonly CheckpointWriter _checkpoints;
    private readonly CheckpointCadence _cadence;
    private readonly string _checkpointDirectory;
    private readonly string[] _epochMetrics;
    private CheckpointSnapshot? _unwritten;

    public FusedMember(int index, TrainingRequest request, ITrainingObserver observer, TrialRun run, TimeProvider clock)
    {
        Index = index;
        Request = request;
        Run = run;
        _observer = observer;
        _checkpointDirectory = Path.Combine(request.ArtifactDirectory, TrialArtifacts.Checkpoint);
        _checkpoints = new CheckpointWriter(_checkpointDirectory, observer);
        _cadence = new CheckpointCadence(TimeSpan.FromSeconds(request.CheckpointSeconds), request.RungEpochs ?? [], clock);
        _epochMetrics = TrialTrainer.EpochMetrics(request.Metric);
    }

    /// <summary>The member's position in the pack (and in the results).</summary>
    public int Index { get; }

    public TrainingRequest Request { get; }

    public TrialRun Run { get; }

    /// <summary>
    /// Validates, reports and checkpoints epoch <paramref name="epoch"/> as a lone trial does; returns the member's
    /// result when it leaves the pack (last epoch, pruned, stopped, diverged), else null.
    /// </summary>
    public TrainingResult? EndEpoch(int epoch, double trainLoss, double learningRate, long epochStarted, double loadSeconds, long epochsStarted)
    {
        try
        {
            var metrics = Run.Validate(_epochMetrics);
            var report = new EpochReport(epoch, trainLoss, metrics, TrialRun.Seconds(epochStarted), learningRate);
            _history.Add(report);
            if (!double.IsFinite(trainLoss) || metrics.Values.Any(v => !double.IsFinite(v)))
            {
                var what = double.IsFinite(trainLoss) ? "validation metrics" : $"training loss ({trainLoss})";
                return Fail($"non-finite {what} at epoch {epoch} — training diverged (learning rate {learningRate:G3} may be too high)");
            }

            if (_unwritten is not null)
            {
                _checkpoints.Discard(_unwritten);
                _unwritten = null;
            }

            var snapshot = _checkpoints.Capture(epoch, Run.Model, Run.Optimizer, Run.Generator, _history);
            var decision = _observer.OnEpoch(report);
            if (decision == TrialDecision.Stop)
            {
                _unwritten = snapshot;
                return Cancel();
            }

            if (_cadence.IsDue(epoch, endsTrial: decision == TrialDecision.Prune || epoch == Run.Settings.Epochs))
            {
                _checkpoints.Submit(snapshot);
                _artifacts[TrialArtifacts.Checkpoint] = _checkpointDirectory;
                _cadence.Written();
            }
            else
            {
                _unwritten = snapshot;
            }

            if (decision == TrialDecision.Prune || epoch == Run.Settings.Epochs)
            {
                var outcome = decision == TrialDecision.Prune ? TrainingOutcome.Pruned : TrainingOutcome.Completed;
                return TrialTrainer.Finish(Request, Run, _history, _artifacts, outcome, _checkpoints, loadSeconds, TrialRun.Seconds(epochsStarted));
            }

            return null;
        }
        catch (Exception e)
        {
            // Cancellation of the pack is checked between epochs, never in here: any exception (an OperationCanceledException
            // from a call under the reporter included) fails this member alone, as a lone trial's does.
            return Fail(e.Message);
        }
    }

    /// <summary>Stopped (cancellation or the observer's Stop): writes the last epoch end's state, as a lone trial does.</summary>
    public TrainingResult Cancel()
    {
        if (_unwritten is not null)
        {
            TrialTrainer.WriteOnStop(_checkpoints, _unwritten, _artifacts, _checkpointDirectory);
            _unwritten = null;
        }

        _checkpoints.Dispose(); // waits for the write in flight
        return new TrainingResult(TrainingOutcome.Cancelled, TrialTrainer.LastMetrics(_history), _artifacts, _history, _history.Count, "cancelled");
    }

    public TrainingResult Fail(string reason) => TrialTrainer.Failed(reason, _history, _artifacts);

    public void Dispose()
    {
        _checkpoints.Dispose();
        Run.Dispose();
    }
}
