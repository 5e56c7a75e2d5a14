using AeSweep.Core.Definitions.Documents;

namespace AeSweep.Core.Definitions;

// The finalize section: the best configurations retrained with new seeds once the search has ended.
internal sealed partial class SweepFileValidator
{
    private static readonly string[] FinalizeKeys = ["top_k", "seeds"];

    /// <summary>
    /// <c>finalize: {top_k, seeds}</c>; null when absent or wrong (the error is recorded). An ask-and-tell sweep is
    /// refused: its outside trainer picks its own seeds and only asks create its trials, so nobody would run the
    /// finalists.
    /// </summary>
    private FinalizeSpec? ReadFinalize(DocNode? node, ProgramSpec? program)
    {
        if (node is null)
        {
            return null;
        }

        if (!ExpectMapping(node, "finalize", "{top_k, seeds}", out var map))
        {
            return null;
        }

        var errorsBefore = errors.Count;
        CheckKeys(map, "finalize", FinalizeKeys);
        var topK = map["top_k"] is { } k
            ? ReadInteger(k, "finalize.top_k", FinalizeSpec.MinTopK, FinalizeSpec.MaxTopK)
            : Missing("finalize.top_k", map, $"required: how many of the best configurations to retrain ({FinalizeSpec.MinTopK} to {FinalizeSpec.MaxTopK})");
        var seeds = map["seeds"] is { } s
            ? ReadInteger(s, "finalize.seeds", FinalizeSpec.MinSeeds, FinalizeSpec.MaxSeeds)
            : Missing("finalize.seeds", map, $"required: how many new seeds each finalist gets ({FinalizeSpec.MinSeeds} to {FinalizeSpec.MaxSeeds})");
        if (program is { AskTell: true })
        {
            Error("finalize", node, "not available with program: {ask_tell: true}: the outside trainer chooses its own seeds and only its asks create trials");
        }

        return errors.Count > errorsBefore || topK is null || seeds is null ? null : new FinalizeSpec((int)topK, (int)seeds);
    }

    private long? Missing(string path, DocNode at, string message)
    {
        Error(path, at, message);
        return null;
    }
}
