using System.Collections.Immutable;
using AeSweep.Core.Definitions;
using AeSweep.Core.Search.Samplers;
using AeSweep.Core.Trials;

namespace AeSweep.Core.Search.WarmStart;

/// <summary>
/// Shows a sampler the imported trials of earlier sweeps (<see cref="WarmStartImport"/>) ahead of the sweep's own,
/// so a model sampler starts from their knowledge: TPE's and GP's start phase counts them, and their first model is
/// fitted to them. The sweep's own trials, numbers and budget are untouched — only the sampler's view grows.
/// </summary>
/// <remarks>Grid search is not wrapped: it runs its whole grid, and imported points would otherwise count as visited.</remarks>
public sealed class WarmStartSampler : ISampler
{
    private readonly ImmutableArray<FrozenTrial> _imported;

    /// <summary>Wraps <paramref name="inner"/>.</summary>
    public WarmStartSampler(ISampler inner, ImmutableArray<FrozenTrial> imported)
    {
        Inner = inner;
        _imported = imported;
    }

    /// <summary>The sampler shown the imported trials.</summary>
    public ISampler Inner { get; }

    /// <summary><paramref name="inner"/> itself when nothing was imported or the method is grid, else it wrapped.</summary>
    public static ISampler Wrap(ISampler inner, SearchMethod method, WarmStartImport import) =>
        import.Imported == 0 || method == SearchMethod.Grid ? inner : new WarmStartSampler(inner, import.Trials);

    /// <inheritdoc />
    public IReadOnlyDictionary<string, ParameterValue>? Sample(SamplingContext context) =>
        Inner.Sample(context with { Trials = [.. _imported, .. context.Trials] });
}
