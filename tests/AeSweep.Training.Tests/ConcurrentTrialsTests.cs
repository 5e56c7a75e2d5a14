namespace AeSweep.Training.Tests;

/// <summary>
/// Two trials training side by side in one process, as a worker with two slots runs them. Each trial forces
/// collections of TorchSharp's abandoned handles (every 50 batches and every epoch); before those collections waited
/// for the other trial to leave libtorch, about one trial in twenty died with "Unknown scalar type" in Adam's step.
/// </summary>
public sealed class ConcurrentTrialsTests
{
    [Fact]
    public void Two_trials_on_two_threads_both_complete()
    {
        var data = TrainingFixture.FashionMnist(2000);
        var trimEvery = TrialRun.TrimEvery;
        // A collection after every batch: without the gate this failed within a couple of runs; with 50 it rarely did.
        TrialRun.TrimEvery = 1;
        var results = new TrainingResult[4];
        var threads = Enumerable.Range(0, 2).Select(slot => new Thread(() =>
        {
            for (var round = 0; round < 2; round++)
            {
                results[(slot * 2) + round] = TrialTrainer.Train(
                    TrainingFixture.Request(
                        TrainingFixture.Parameters(("code_size", 8L + slot), ("width", 64L), ("epochs", 4L), ("batch_size", 16L), ("optimizer", "adam")),
                        data,
                        TrainingFixture.TempDirectory()),
                    new RecordingObserver(),
                    CancellationToken.None);
            }
        })).ToList();

        try
        {
            threads.ForEach(t => t.Start());
            threads.ForEach(t => t.Join());
        }
        finally
        {
            TrialRun.TrimEvery = trimEvery;
        }

        Assert.All(results, r => Assert.True(r.Outcome == TrainingOutcome.Completed, r.FailureReason));
    }
}
