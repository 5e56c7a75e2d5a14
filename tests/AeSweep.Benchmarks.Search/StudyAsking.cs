using AeSweep.Core.Trials;

namespace AeSweep.Benchmarks.Search;

/// <summary>
/// The benchmarks' stand-in for the store, which owns trial numbers: the next number is the last one plus one, as the store
/// assigns it.
/// </summary>
internal static class StudyAsking
{
    public static int NextNumber(this Study study)
    {
        var trials = study.Trials;
        return trials.IsEmpty ? 0 : trials[^1].Number + 1;
    }

    public static TrialSuggestion Ask(this Study study) => study.Ask(study.NextNumber());

    public static bool TryAsk(this Study study, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out TrialSuggestion? suggestion) =>
        study.TryAsk(study.NextNumber(), out suggestion);
}
