namespace AeSweep.Core.Trials;

/// <summary>Where a trial's configuration came from (stored as its name; new origins are appended).</summary>
public enum TrialOrigin
{
    /// <summary>The sampler suggested it (or a finalist run retrains one it suggested).</summary>
    Sampled,

    /// <summary>A user queued the configuration (the sweep file's <c>enqueue:</c> or <c>POST /api/sweeps/{id}/trials</c>); it runs before sampled trials.</summary>
    Enqueued,

    /// <summary>A failed or cancelled trial run again with the same configuration (<c>POST /api/trials/{id}/retry</c>).</summary>
    Retry,
}
