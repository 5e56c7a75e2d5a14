namespace AeSweep.Core.Search.Pruners;

/// <summary>Never prunes (<c>early_terminate</c> absent or <c>none</c>).</summary>
public sealed class NopPruner : IPruner
{
    /// <summary>The one instance; the pruner has no settings.</summary>
    public static NopPruner Instance { get; } = new();

    /// <inheritdoc />
    public bool ShouldPrune(PruningContext context) => false;
}
