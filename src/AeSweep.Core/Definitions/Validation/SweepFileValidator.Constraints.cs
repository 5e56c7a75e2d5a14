using AeSweep.Core.Definitions.Documents;
using AeSweep.Core.Search;
using AeSweep.Core.Search.Constraints;

namespace AeSweep.Core.Definitions;

// constraints: ["depth * width <= 1024", ...] and warm_start: {from_sweeps: [...]}.
internal sealed partial class SweepFileValidator
{
    /// <summary>
    /// <c>constraints:</c>: a list of at most <see cref="SweepConstraints.MaxCount"/> NCalc expressions over parameter
    /// names, each true or false. Refused with the rule's path: syntax errors, unknown names (with a suggestion), rules
    /// that give a number or text, and rules no configuration can satisfy (every grid point of a discrete space, else
    /// the space's corners and a run of quasi-random points are tried).
    /// </summary>
    private SweepConstraints ReadConstraints(DocNode? node, SearchSpace? space)
    {
        if (node is null)
        {
            return SweepConstraints.Empty;
        }

        if (node is not DocSequence list)
        {
            Error("constraints", node, $"must be a list of conditions over parameters, e.g. [\"depth * width <= 1024\"], not {node.KindName}");
            return SweepConstraints.Empty;
        }

        if (list.Items.Count > SweepConstraints.MaxCount)
        {
            Error("constraints", node, $"at most {SweepConstraints.MaxCount} rules, not {list.Items.Count}");
            return SweepConstraints.Empty;
        }

        var errorsBefore = errors.Count;
        var rules = new List<(SweepConstraint Rule, DocNode Node, string Path)>();
        for (var i = 0; i < list.Items.Count; i++)
        {
            var path = $"constraints[{i}]";
            var item = list.Items[i];
            if (ReadString(item, path) is not { } text)
            {
                continue;
            }

            if (string.IsNullOrWhiteSpace(text) || text.Length > SweepConstraints.MaxLength)
            {
                Error(path, item, $"must be 1 to {SweepConstraints.MaxLength} characters");
                continue;
            }

            if (SweepConstraint.TryParse(text, out var syntaxError) is not { } rule)
            {
                Error(path, item, syntaxError!);
                continue;
            }

            if (rule.ParameterNames.IsEmpty)
            {
                Error(path, item, $"'{text}' names no parameter; a rule compares parameters, e.g. depth * width <= 1024");
                continue;
            }

            var known = true;
            foreach (var name in rule.ParameterNames)
            {
                if (space is not null && space.Find(name) is null)
                {
                    known = false;
                    var names = space.Parameters.Select(p => p.Name).ToArray();
                    Error(path, item, NameSuggestions.WithSuggestion($"unknown parameter '{name}' (parameters: {string.Join(", ", names)})", name, names));
                }
            }

            if (known)
            {
                rules.Add((rule, item, path));
            }
        }

        if (space is null || errors.Count > errorsBefore)
        {
            return SweepConstraints.Empty;
        }

        CheckRulesEvaluate(rules, space);
        if (errors.Count > errorsBefore)
        {
            return SweepConstraints.Empty;
        }

        var constraints = new SweepConstraints(rules.Select(r => r.Rule));
        CheckSatisfiable(constraints, rules, space, node);
        return constraints;
    }

    // Each rule must give true or false: tried on the probe points where it applies, the first other outcome is reported.
    private void CheckRulesEvaluate(List<(SweepConstraint Rule, DocNode Node, string Path)> rules, SearchSpace space)
    {
        var probes = ConstraintProbe.Points(space).Take(64).ToList();
        foreach (var (rule, node, path) in rules)
        {
            foreach (var probe in probes)
            {
                var outcome = rule.Evaluate(probe, out var problem);
                if (outcome is RuleOutcome.NotBoolean or RuleOutcome.Error)
                {
                    Error(path, node, $"'{rule.Text}' does not evaluate to true or false: {problem}");
                    break;
                }
            }
        }
    }

    private void CheckSatisfiable(SweepConstraints constraints, List<(SweepConstraint Rule, DocNode Node, string Path)> rules, SearchSpace space, DocNode node)
    {
        if (ConstraintProbe.Feasible(space, constraints, 1).Count > 0)
        {
            return;
        }

        var tried = ConstraintProbe.EnumeratesGrid(space) ? "no grid point" : $"none of the space's corners and {ConstraintProbe.QuasiRandomPoints:N0} spread points";
        foreach (var (rule, ruleNode, path) in rules)
        {
            if (ConstraintProbe.Feasible(space, new SweepConstraints([rule]), 1).Count == 0)
            {
                Error(path, ruleNode, $"no configuration satisfies '{rule.Text}' ({tried} does); widen the ranges or loosen the rule");
                return;
            }
        }

        Error("constraints", node, $"no configuration satisfies all the rules together ({tried} does); widen the ranges or loosen a rule");
    }

    /// <summary><c>warm_start: {from_sweeps: [ID, ...]}</c>: at most <see cref="WarmStartSpec.MaxSweeps"/> distinct ids. Whether they exist is checked at submission.</summary>
    private WarmStartSpec? ReadWarmStart(DocNode? node)
    {
        if (node is null || !ExpectMapping(node, "warm_start", "{from_sweeps: [ID, ...]}", out var map))
        {
            return null;
        }

        CheckKeys(map, "warm_start", ["from_sweeps"]);
        if (map["from_sweeps"] is not DocSequence list)
        {
            Error("warm_start.from_sweeps", map["from_sweeps"] ?? map, "required: a list of earlier sweeps' ids, e.g. [k3x9q2m4tp]");
            return null;
        }

        if (list.Items.Count is 0 or > WarmStartSpec.MaxSweeps)
        {
            Error("warm_start.from_sweeps", list, $"1 to {WarmStartSpec.MaxSweeps} sweep ids, not {list.Items.Count}");
            return null;
        }

        var ids = new List<string>();
        for (var i = 0; i < list.Items.Count; i++)
        {
            var path = $"warm_start.from_sweeps[{i}]";
            if (ReadString(list.Items[i], path) is not { } id)
            {
                continue;
            }

            if (string.IsNullOrWhiteSpace(id) || id.Length > WarmStartSpec.MaxIdLength)
            {
                Error(path, list.Items[i], $"must be a sweep id of 1 to {WarmStartSpec.MaxIdLength} characters");
            }
            else if (ids.Contains(id, StringComparer.Ordinal))
            {
                Error(path, list.Items[i], $"'{id}' is listed twice");
            }
            else
            {
                ids.Add(id);
            }
        }

        return ids.Count == list.Items.Count ? new WarmStartSpec([.. ids]) : null;
    }
}
