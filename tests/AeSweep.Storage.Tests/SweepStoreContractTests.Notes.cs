using AeSweep.Core.Trials;
using AeSweep.Storage.Tests.Infrastructure;

namespace AeSweep.Storage.Tests;

// The ISweepNotesStore contract: notes on sweeps and trials, bounded, outside the life cycle.
public abstract partial class SweepStoreContractTests
{
    [ContractFact]
    public async Task Notes_on_a_sweep_and_a_trial_are_stored_read_back_and_cleared()
    {
        var store = OpenStore();
        var sweep = await store.CreateSweepAsync(ASweep(), Ct);
        var trial = await store.AddTrialAsync(sweep.Id, SomeParameters(), Ct);
        var text = "## Why\nThe *deep* one diverged — try `learning_rate` ≤ 1e-3.\n| a | b |\n|---|---|\n| 1 | 2 |";

        var savedSweep = await store.SetSweepNotesAsync(sweep.Id, text, Ct);
        var savedTrial = await store.SetTrialNotesAsync(trial.Id, "diverged at epoch 3", Ct);

        Assert.Equal(new Model.StoredNotes(sweep.Id, null, text), savedSweep);
        Assert.Equal(new Model.StoredNotes(sweep.Id, trial.Id, "diverged at epoch 3"), savedTrial);
        var reader = OpenStore();
        Assert.Equal(text, (await reader.GetSweepNotesAsync(sweep.Id, Ct))!.Notes);
        Assert.Equal(text, (await reader.GetSweepAsync(sweep.Id, Ct))!.Notes);
        Assert.Equal("diverged at epoch 3", (await reader.GetTrialAsync(trial.Id, Ct))!.Notes);
        Assert.Equal("diverged at epoch 3", (await reader.GetTrialDetailAsync(trial.Id, Ct))!.Trial.Notes);

        Assert.Null((await store.SetTrialNotesAsync(trial.Id, "   ", Ct))!.Notes);
        Assert.Null((await OpenStore().GetTrialNotesAsync(trial.Id, Ct))!.Notes);
    }

    [ContractFact]
    public async Task Notes_of_an_unknown_sweep_or_trial_are_not_found()
    {
        var store = OpenStore();

        Assert.Null(await store.SetSweepNotesAsync("no-such-sweep", "x", Ct));
        Assert.Null(await store.SetTrialNotesAsync("no-such-trial", "x", Ct));
        Assert.Null(await store.GetSweepNotesAsync("no-such-sweep", Ct));
        Assert.Null(await store.GetTrialNotesAsync("no-such-trial", Ct));
    }

    [ContractFact]
    public async Task Notes_at_the_bound_are_kept_whole_and_longer_ones_are_refused()
    {
        var store = OpenStore();
        var sweep = await store.CreateSweepAsync(ASweep(), Ct);
        var longest = new string('n', StorageLimits.NotesLength - 1) + "é";

        await store.SetSweepNotesAsync(sweep.Id, longest, Ct);
        await Assert.ThrowsAsync<ArgumentException>(() => store.SetSweepNotesAsync(sweep.Id, longest + "x", Ct));

        Assert.Equal(longest, (await OpenStore().GetSweepNotesAsync(sweep.Id, Ct))!.Notes);
    }

    [ContractFact]
    public async Task Writing_notes_does_not_conflict_with_the_life_cycle()
    {
        var (store, sweep, trial) = await RunningTrialAsync();

        await store.SetTrialNotesAsync(trial.Id, "watching this one", Ct);
        await store.SetSweepNotesAsync(sweep.Id, "first try", Ct);

        // The engine's next writes (with the versions it read before the notes) still apply, and keep the notes.
        (await store.RecordEpochMetricsAsync(trial.Lease!, 1, Metric(0.05), Ct)).EnsureApplied();
        var finished = await store.FinishSweepAsync(sweep.Id, AeSweep.Storage.SweepState.Cancelled, "stop", Ct);
        Assert.Equal(Model.ChangeOutcome.Applied, finished.Outcome);
        var after = await OpenStore().GetTrialAsync(trial.Id, Ct);
        Assert.Equal((TrialState.Cancelled, "watching this one"), (after!.State, after.Notes));
        Assert.Equal("first try", (await OpenStore().GetSweepAsync(sweep.Id, Ct))!.Notes);
    }
}
