using System.Globalization;
using AeSweep.Application.Contracts;
using AeSweep.Application.Live;
using AeSweep.Cluster.Abstractions;
using AeSweep.Core.Definitions;
using AeSweep.Core.Definitions.Stored;
using AeSweep.Storage;
using AeSweep.Storage.Model;
using AeSweep.Storage.WarmStart;

namespace AeSweep.Application;

/// <summary>
/// The commands, for every way in (API, dashboard, CLI): this is where the process's <see cref="ProgramPolicy"/>
/// refuses program sweeps it would not run and where a submitted sweep's seed is fixed. Store members used:
/// <c>CreateSweepAsync</c>, <c>GetSweepAsync</c>, <c>GetTrialAsync</c> (the repository; trials through the read model). Every
/// command that changed something publishes it on the <see cref="ISweepChangeFeed"/>, so live views reload at once.
/// </summary>
public sealed partial class SweepCommands(ISweepRepository store, ISweepReadModel reads, IGrainFactory grains, ProgramPolicy programs, ISweepChangeFeed changes) : ISweepCommands
{
    public Task<SubmitResult> SubmitAsync(string sweepText, CancellationToken cancellationToken)
    {
        var parsed = SweepDefinitionParser.Parse(sweepText);
        return parsed.IsValid ? SubmitAsync(parsed.Definition!, cancellationToken) : Task.FromResult(SubmitResult.Invalid(parsed.Errors));
    }

    public async Task<SubmitResult> SubmitAsync(SweepDefinition definition, CancellationToken cancellationToken)
    {
        if (programs.Refusal(definition.Program) is { } refusal)
        {
            return SubmitResult.ProgramRefused(refusal);
        }

        if (definition.WarmStart is { } warmStart &&
            await WarmStartLoader.MissingAsync(store, warmStart.FromSweeps, cancellationToken) is { Count: > 0 } missing)
        {
            return SubmitResult.Invalid([.. missing.Select(m =>
                new ValidationError($"warm_start.from_sweeps[{m.Index}]", null, $"no sweep '{m.Id}' in this store; name an earlier sweep's id (aesweep list shows them)"))]);
        }

        // The stored definition is the versioned stored document with the seed fixed, so every worker and every restart sees
        // exactly the same sweep.
        var seed = definition.Seed ?? Random.Shared.NextInt64(0, int.MaxValue);
        var fixedSeed = definition with { Seed = seed };
        var sweep = await store.CreateSweepAsync(
            new NewSweep(definition.Name, StoredSweepDocument.Write(fixedSeed), SweepDefinitionFormat.Json, definition.Metric.Name, definition.Metric.Goal, seed,
                MaxAttempts: definition.Budget.MaxAttempts,
                MaxTrials: definition.Budget.MaxTrials,
                MaxParallel: definition.Budget.MaxParallel,
                MaxMinutes: definition.Budget.MaxMinutes),
            cancellationToken);
        await grains.GetGrain<ISweepCoordinatorGrain>(sweep.Id).StartAsync();
        changes.Publish(SweepUpdate.OfSweep(sweep.Id));
        return SubmitResult.Submitted(new SubmittedSweepView(sweep.Id, sweep.Name));
    }

    public async Task<CancelResult> CancelAsync(string sweepId, string reason, CancellationToken cancellationToken)
    {
        var sweep = await store.GetSweepAsync(sweepId, cancellationToken);
        if (sweep is null)
        {
            return new CancelResult(CancelOutcome.NotFound, sweepId, null);
        }

        if (SweepStateRules.IsFinished(sweep.State))
        {
            return new CancelResult(CancelOutcome.AlreadyFinished, sweepId, ContractMapping.Name(sweep.State));
        }

        await grains.GetGrain<ISweepCoordinatorGrain>(sweepId).CancelAsync(reason);
        changes.Publish(SweepUpdate.OfSweep(sweepId));
        return new CancelResult(CancelOutcome.Cancelling, sweepId, null);
    }

    public async Task<AskTrialResult> AskAsync(string sweepId, CancellationToken cancellationToken)
    {
        if (await store.GetSweepAsync(sweepId, cancellationToken) is null)
        {
            return new AskTrialResult(AskTrialOutcome.NotFound, null, null);
        }

        var answer = await grains.GetGrain<ISweepCoordinatorGrain>(sweepId).AskAsync();
        if (answer.Trial is { } asked)
        {
            changes.Publish(SweepUpdate.OfTrial(sweepId, asked.TrialId));
        }

        return answer.Trial is { } trial
            ? new AskTrialResult(AskTrialOutcome.Asked, new AskedTrialView(trial.TrialId, trial.Number, ContractMapping.Parameters(trial.Parameters)), null)
            : new AskTrialResult(AskTrialOutcome.Refused, null, answer.Refusal);
    }

    public async Task<TellTrialResult> TellAsync(string trialId, TellRequest request, CancellationToken cancellationToken)
    {
        if (request.Validate() is { } error)
        {
            return new TellTrialResult(TellTrialOutcome.Invalid, null, error, error.Message);
        }

        var trial = await reads.GetTrialAsync(trialId, cancellationToken);
        if (trial is null)
        {
            return new TellTrialResult(TellTrialOutcome.NotFound, null, null, null);
        }

        var tell = new TrialTell(
            trialId,
            TellRequest.ParseState(request.State)!.Value,
            request.Value,
            (request.IntermediateValues ?? new Dictionary<string, double>()).ToDictionary(s => int.Parse(s.Key, NumberStyles.None, CultureInfo.InvariantCulture), s => s.Value),
            request.Reason);
        var result = await grains.GetGrain<ISweepCoordinatorGrain>(trial.SweepId).TellAsync(tell);
        if (result.Outcome == TellOutcome.Recorded)
        {
            changes.Publish(SweepUpdate.OfTrial(trial.SweepId, trialId));
        }

        return result.Outcome switch
        {
            TellOutcome.Recorded => new TellTrialResult(TellTrialOutcome.Recorded, new ToldTrialView(trialId, result.State is { } s ? ContractMapping.Name(s) : null, result.Detail), null, result.Detail),
            TellOutcome.NotFound => new TellTrialResult(TellTrialOutcome.NotFound, null, null, result.Detail),
            TellOutcome.NotAsked => new TellTrialResult(TellTrialOutcome.NotAsked, null, null, result.Detail),
            _ => new TellTrialResult(TellTrialOutcome.AlreadyFinished, null, null, result.Detail),
        };
    }
}
