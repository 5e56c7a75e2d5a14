using AeSweep.Core.Definitions.Documents;
using AeSweep.Core.Search;

namespace AeSweep.Core.Definitions;

// The enqueue section: configurations to run before any sampled trial, each checked against the search space.
internal sealed partial class SweepFileValidator
{
    /// <summary>
    /// <c>enqueue: [{name: value, ...}, ...]</c>, at most <see cref="ConfigurationCheck.MaxEnqueued"/>; errors name
    /// the entry and parameter (<c>enqueue[1].width</c>). Empty when absent; when the space did not parse, entries are
    /// only checked for shape.
    /// </summary>
    private EnqueueList ReadEnqueue(DocNode? node, SearchSpace? space, ProgramSpec? program, Search.Constraints.SweepConstraints? constraints)
    {
        if (node is null)
        {
            return EnqueueList.Empty;
        }

        if (node is not DocSequence list)
        {
            Error("enqueue", node, $"must be a list of configurations ([{{name: value, ...}}, ...]), not {node.KindName}");
            return EnqueueList.Empty;
        }

        if (list.Items.Count > ConfigurationCheck.MaxEnqueued)
        {
            Error("enqueue", node, $"at most {ConfigurationCheck.MaxEnqueued} configurations, not {list.Items.Count}");
            return EnqueueList.Empty;
        }

        if (program is { AskTell: true })
        {
            Error("enqueue", node, "not available with program: {ask_tell: true}: only the outside trainer's asks create trials");
            return EnqueueList.Empty;
        }

        var configurations = new List<IReadOnlyDictionary<string, ParameterValue>>(list.Items.Count);
        for (var i = 0; i < list.Items.Count; i++)
        {
            var path = $"enqueue[{i}]";
            if (!ExpectMapping(list.Items[i], path, "{name: value, ...}", out var map))
            {
                continue;
            }

            var given = new Dictionary<string, ParameterValue>(StringComparer.Ordinal);
            var lines = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var (key, valueNode) in map.Entries)
            {
                lines[key.Text] = valueNode.Line;
                if (ReadValue(valueNode, $"{path}.{key.Text}") is { } value)
                {
                    given[key.Text] = value;
                }
            }

            if (space is null)
            {
                continue;
            }

            var (configuration, problems) = ConfigurationCheck.Resolve(space, given, path, lines, constraints);
            errors.AddRange(problems.Select(p => p.Line is null ? p with { Line = map.Line > 0 ? map.Line : null } : p));
            if (configuration is not null)
            {
                configurations.Add(configuration);
            }
        }

        return new EnqueueList(configurations);
    }
}
