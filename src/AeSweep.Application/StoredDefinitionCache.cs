using System.Collections.Concurrent;
using AeSweep.Core.Definitions;
using AeSweep.Storage.Model;

namespace AeSweep.Application;

/// <summary>
/// A sweep's definition read once per process: the stored text never changes after submission, so the lists and pages
/// that refresh every few seconds do not read it again (the sweeps page used to parse up to 100 per refresh).
/// </summary>
public sealed class StoredDefinitionCache
{
    // Far more sweeps than one page shows; past it the cache starts over rather than growing without bound.
    private const int MaxEntries = 2048;
    private readonly ConcurrentDictionary<string, SweepDefinition?> _definitions = new(StringComparer.Ordinal);

    /// <summary>The sweep's definition, null when the stored text cannot be read.</summary>
    public SweepDefinition? Read(SweepSnapshot sweep)
    {
        ArgumentNullException.ThrowIfNull(sweep);
        if (_definitions.TryGetValue(sweep.Id, out var known))
        {
            return known;
        }

        if (_definitions.Count >= MaxEntries)
        {
            _definitions.Clear();
        }

        return _definitions.GetOrAdd(sweep.Id, _ => StoredDefinitions.Read(sweep));
    }
}
