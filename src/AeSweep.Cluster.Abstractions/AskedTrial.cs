using AeSweep.Core.Search;

namespace AeSweep.Cluster.Abstractions;

/// <summary>A trial handed to a trainer outside AeSweep (ask-and-tell): it runs on the synthetic worker <see cref="WorkerId"/>.</summary>
[GenerateSerializer, Immutable, Alias("aesweep.asked-trial")]
public sealed record AskedTrial(
    [property: Id(0)] string TrialId,
    [property: Id(1)] int Number,
    [property: Id(2)] Dictionary<string, ParameterValue> Parameters)
{
    /// <summary>The worker id asked trials run on; no real worker registers it, so the dispatcher never hands them out.</summary>
    public const string WorkerId = "api";
}
