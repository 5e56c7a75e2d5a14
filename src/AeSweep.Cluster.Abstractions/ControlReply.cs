namespace AeSweep.Cluster.Abstractions;

/// <summary>
/// The engine's answer to a sweep-control call: the outcome, a sentence saying what happened or why not, the field
/// errors of an invalid request, and the ids of the trials it created (enqueue, retry).
/// </summary>
[GenerateSerializer, Immutable, Alias("aesweep.control-reply")]
public sealed record ControlReply(
    [property: Id(0)] ControlReplyOutcome Outcome,
    [property: Id(1)] string Detail,
    [property: Id(2)] List<ControlFieldError> Errors,
    [property: Id(3)] List<string> TrialIds)
{
    public static ControlReply Applied(string detail, List<string>? trialIds = null) => new(ControlReplyOutcome.Applied, detail, [], trialIds ?? []);

    public static ControlReply Conflict(string detail) => new(ControlReplyOutcome.Conflict, detail, [], []);

    public static ControlReply NotFound(string detail) => new(ControlReplyOutcome.NotFound, detail, [], []);

    public static ControlReply Invalid(List<ControlFieldError> errors) =>
        new(ControlReplyOutcome.Invalid, string.Join("; ", errors.Select(e => $"{e.Path}: {e.Message}")), errors, []);
}
