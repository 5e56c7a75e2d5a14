using AeSweep.Application.Live;

namespace AeSweep.Web.Live;

/// <summary>
/// What a live view follows: everything, one sweep (its state and every trial), or one trial (and its sweep's own
/// changes, such as a cancel, once the sweep is known).
/// </summary>
public sealed record LiveTopic(string? SweepId, string? TrialId)
{
    public static LiveTopic Everything { get; } = new(null, null);

    public static LiveTopic Sweep(string sweepId) => new(sweepId, null);

    public static LiveTopic Trial(string trialId, string? sweepId = null) => new(sweepId, trialId);

    /// <summary>True when a view following this topic should reload for <paramref name="change"/>.</summary>
    public bool Matches(SweepUpdate change)
    {
        ArgumentNullException.ThrowIfNull(change);
        return TrialId is not null
            ? change.TrialId == TrialId || (change.TrialId is null && SweepId is not null && change.SweepId == SweepId)
            : SweepId is null || change.SweepId == SweepId;
    }
}
