using AeSweep.Core.Trials;

namespace AeSweep.Storage.Model;

/// <summary>How trials given from outside are stored: their origin and, for a retry, the trial they run again (held until released).</summary>
internal sealed record QueuedTrials(TrialOrigin Origin, string? RetryOf);
