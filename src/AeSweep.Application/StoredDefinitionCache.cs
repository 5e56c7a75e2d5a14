using System.Collections.Concurrent;
using AeSweep.Core.Definitions;
using AeSweep.Storage.Model;

namespace AeSweep.Application;

/// <summary>
/// A sweep's definition read once per stored text: the lists and pages that refresh every few seconds do not parse it
/// again (the sweeps page used to parse up to 100 per refresh). The text changes only when the budget is changed
/// (sweep control), and then the entry is read again.
/// </summary>
public sealed class StoredDefinitionCache
{
    // Far more sweeps than one page shows; past it the cache starts over rather than growing without bound.
    private const int MaxEntries = 2048;
    private readonly ConcurrentDictionary<string, (string Text, SweepDefinition? Definition)> _definitions = new(StringComparer.Ordinal);

    /// <summary>The sweep's definition, null when the stored text cannot be read.</summary>
    public SweepDefinition? Read(SweepSnapshot sweep)
    {
        ArgumentNullException.ThrowIfNull(sweep);
        if (_definitions.TryGetValue(sweep.Id, out var known) && string.Equals(known.Text, sweep.DefinitionText, StringComparison.Ordinal))
        {
            return known.Definition;
        }

        if (_definitions.Count >= MaxEntries)
        {
            _definitions.Clear();
        }

        var definition = StoredDefinitions.Read(sweep);
        _definitions[sweep.Id] = (sweep.DefinitionText, definition);
        return definition;
    }
}
