using AeSweep.Core.Catalog;
using AeSweep.Core.Definitions.Documents;
using AeSweep.Core.Trials;

namespace AeSweep.Core.Definitions;

// metrics: a list of 2–3 {name, goal} objectives (a multi-objective sweep, e.g. rate–distortion), instead of metric:.
internal sealed partial class SweepFileValidator
{
    private const string ObjectivesPath = "metrics";

    private List<MetricSpec> ReadObjectives(DocMapping map, bool isProgram, DatasetSpec? dataset)
    {
        if (map[ObjectivesPath] is not { } node)
        {
            return [];
        }

        if (map.ContainsKey("metric"))
        {
            Error(ObjectivesPath, node, "a sweep names either metric (one objective) or metrics (2–3 objectives), not both");
        }

        if (node is not DocSequence list)
        {
            Error(ObjectivesPath, node, $"must be a list of {ObjectiveCatalog.MinObjectives}–{ObjectiveCatalog.MaxObjectives} {{name, goal}}, not {node.KindName}");
            return [];
        }

        if (list.Items.Count is < ObjectiveCatalog.MinObjectives or > ObjectiveCatalog.MaxObjectives)
        {
            Error(ObjectivesPath, node,
                $"must list {ObjectiveCatalog.MinObjectives} to {ObjectiveCatalog.MaxObjectives} objectives, not {list.Items.Count}" +
                (list.Items.Count == 1 ? "; for one, use metric: {name, goal}" : string.Empty));
        }

        var objectives = new List<MetricSpec>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < list.Items.Count; i++)
        {
            var path = $"{ObjectivesPath}[{i}]";
            if (ReadObjective(list.Items[i], path, isProgram, dataset) is not { } objective)
            {
                continue;
            }

            if (!seen.Add(objective.Name))
            {
                Error($"{path}.name", list.Items[i], $"{objective.Name} is already an objective; each objective appears once");
                continue;
            }

            objectives.Add(objective);
        }

        return objectives;
    }

    private MetricSpec? ReadObjective(DocNode node, string path, bool isProgram, DatasetSpec? dataset)
    {
        if (node is not DocMapping map)
        {
            Error(path, node, $"must be {{name, goal}}, e.g. {{name: val_mse, goal: minimize}}, not {node.KindName}");
            return null;
        }

        CheckKeys(map, path, ["name", "goal"]);
        var namePath = $"{path}.name";
        var goalPath = $"{path}.goal";
        if (map["name"] is not { } nameNode)
        {
            Error(namePath, map, "required, e.g. val_mse or code_size");
            return null;
        }

        var name = ReadString(nameNode, namePath);
        var goalText = map["goal"] is { } g ? ReadString(g, goalPath) : null;
        if (name is null)
        {
            return null;
        }

        MetricGoal? natural = null;
        if (ObjectiveCatalog.IsCost(name))
        {
            natural = ObjectiveCatalog.CostGoal;
        }
        else if (!isProgram)
        {
            var allowed = MetricCatalog.Rankable.Select(m => m.Name).Concat(ObjectiveCatalog.CostNames).ToArray();
            if (MetricCatalog.Find(name) is not { Rankable: true, Goal: { } goal } builtIn)
            {
                Error(namePath, nameNode, NameSuggestions.WithSuggestion($"'{name}' is not an objective AeSweep knows ({string.Join(", ", allowed)})", name, allowed));
                return null;
            }

            natural = goal;
            if (builtIn.ImageOnly && dataset is { IsImage: false })
            {
                Error(namePath, nameNode, $"{name} is defined for images, but the dataset is {dataset.Kind.ToString().ToLowerInvariant()}");
            }
        }
        else if (string.IsNullOrWhiteSpace(name))
        {
            Error(namePath, nameNode, "must not be empty");
            return null;
        }

        MetricGoal chosen;
        switch (goalText)
        {
            case null:
                chosen = natural ?? MetricGoal.Minimize;
                break;
            case "minimize":
                chosen = MetricGoal.Minimize;
                break;
            case "maximize":
                chosen = MetricGoal.Maximize;
                break;
            default:
                Error(goalPath, map["goal"], NameSuggestions.WithSuggestion($"'{goalText}' is not a goal (minimize, maximize)", goalText, ["minimize", "maximize"]));
                return null;
        }

        if (natural is { } expected && goalText is not null && chosen != expected)
        {
            Error(goalPath, map["goal"], $"{name} is better when {(expected == MetricGoal.Minimize ? "smaller" : "larger")}; {goalText} would put the worst models on the front");
            return null;
        }

        return new MetricSpec(name, chosen);
    }

    // What a multi-objective sweep cannot do: prune (a rung ranks by one value; see README, "Multi-objective sweeps")
    // or use the GP sampler (single-objective expected improvement).
    private void CheckObjectives(List<MetricSpec> objectives, SearchMethod? method, EarlyTerminateSpec? earlyTerminate, ProgramSpec? program, DocMapping map)
    {
        if (objectives.Count < ObjectiveCatalog.MinObjectives)
        {
            return;
        }

        var names = string.Join(", ", objectives.Select(o => o.Name));
        if (earlyTerminate is { Type: not EarlyTerminateType.None })
        {
            Error("early_terminate", map["early_terminate"],
                $"not supported with metrics: ({names}): pruning ranks trials by one value, and a trial that is poor on one objective may be on the Pareto front; remove early_terminate");
        }

        if (method == SearchMethod.Gp)
        {
            Error("method", map["method"], $"gp optimises one objective, not metrics: ({names}); use auto or tpe (multi-objective TPE), random or grid");
        }

        if (program is { AskTell: true })
        {
            Error(ObjectivesPath, map[ObjectivesPath], $"not supported with program: {{ask_tell: true}}: a tell carries one value, not metrics: ({names})");
        }
    }
}
