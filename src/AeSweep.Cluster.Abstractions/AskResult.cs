namespace AeSweep.Cluster.Abstractions;

/// <summary>The coordinator's answer to an ask: a trial, or why there is none (budget spent, sweep finished, …).</summary>
[GenerateSerializer, Immutable, Alias("aesweep.ask-result")]
public sealed record AskResult([property: Id(0)] AskedTrial? Trial, [property: Id(1)] string? Refusal)
{
    public static AskResult Refused(string reason) => new(null, reason);
}
