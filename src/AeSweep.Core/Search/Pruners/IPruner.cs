namespace AeSweep.Core.Search.Pruners;

/// <summary>
/// Decides after each intermediate report whether a running trial goes on. Like samplers, pruners are
/// stateless over the trial history: what they remember (rungs reached, brackets) is derived from it.
/// </summary>
public interface IPruner
{
    /// <summary>True when <see cref="PruningContext.Trial"/> should stop now.</summary>
    bool ShouldPrune(PruningContext context);
}
