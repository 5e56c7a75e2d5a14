using System.Collections.Immutable;
using AeSweep.Core.Definitions.Documents;
using AeSweep.Core.Definitions.Wandb;
using AeSweep.Core.Trials;

namespace AeSweep.Core.Definitions;

/// <summary>
/// A W&amp;B sweep configuration read with W&amp;B's meaning for every key of its schema (wandb/sweeps
/// <c>config/schema.json</c>): <c>program</c> is a script run by the <c>command</c> template, <c>method: bayes</c> runs as
/// auto, <c>run_cap</c> is the trial limit and no limit means until cancelled, <c>metric.target</c> ends the sweep,
/// hyperband is W&amp;B's, parameters nest, and every W&amp;B distribution keeps its W&amp;B meaning. What AeSweep cannot honour
/// is an error that says so. AeSweep's own <c>budget</c>, <c>execution</c> and <c>seed</c> may be added.
/// </summary>
internal sealed partial class SweepFileValidator
{
    private static readonly string[] WandbTopLevelKeys =
    [
        "program", "command", "method", "metric", "parameters", "early_terminate", "run_cap", "name", "description", "project", "entity",
        "apiVersion", "kind", "controller", "flavor", "wandb_shim", "budget", "execution", "seed",
    ];

    private static readonly Dictionary<string, string> WandbUnsupported = new(StringComparer.Ordinal)
    {
        ["job"] = "W&B Launch jobs are not supported; name the script with program: (and command:)",
        ["image_uri"] = "W&B Launch images are not supported; name the script with program: (and command:)",
        ["scheduler"] = "custom W&B schedulers (optuna, ax) are not supported; AeSweep's own samplers run the search (method: bayes runs as auto)",
        ["metrics"] = "W&B's multi-objective metrics need method: custom, which AeSweep does not run; give one metric:",
        ["model"] = "a W&B sweep runs its program; model: is for AeSweep's own sweep files (remove it, or write an AeSweep sweep)",
        ["dataset"] = "a W&B sweep's program loads its own data; dataset: is for AeSweep's own sweep files",
    };

    private SweepDefinition? ValidateWandb(DocMapping map)
    {
        CheckKeys(map, string.Empty, WandbTopLevelKeys, WandbUnsupported);
        var name = ReadName(map);
        var labels = ReadLabels(map);
        var nested = new List<string>();
        var space = ReadWandbParameters(map["parameters"], map, nested);
        var program = ReadWandbProgram(map, nested);
        var (method, alias) = ReadWandbMethod(map);
        var metric = ReadWandbMetric(map["metric"], map);
        var budget = ReadWandbBudget(map);
        var earlyTerminate = map["early_terminate"] is DocMapping { } et && et["type"] is DocScalar { Text: "hyperband" }
            ? ReadWandbHyperband(et)
            : ReadEarlyTerminate(map["early_terminate"], space);
        var execution = ReadExecution(map["execution"]);
        var seed = map["seed"] is { } seedNode ? ReadInteger(seedNode, "seed", 0, long.MaxValue) : null;

        if (method == SearchMethod.Grid)
        {
            // W&B's grid takes constant, categorical, int_uniform and q_uniform only; so does AeSweep's.
            CheckMethodAgainstSpace(method, space, budget, map);
        }

        CheckProgramArguments(program, space, map);
        if (errors.Count > 0 || method is null || space is null || budget is null || earlyTerminate is null || execution is null || program is null || metric is null)
        {
            return null;
        }

        return new SweepDefinition(name, null, program, method.Value, metric, space, earlyTerminate, budget, seed)
        {
            Execution = execution,
            Flavor = SweepFlavor.Wandb,
            Labels = labels,
            MethodAlias = alias,
        };
    }

    private ImmutableSortedDictionary<string, string> ReadLabels(DocMapping map)
    {
        var labels = ImmutableSortedDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        foreach (var key in new[] { "project", "entity", "description", "apiVersion" })
        {
            if (map[key] is { } node && ReadString(node, key) is { } text)
            {
                if (text.Length > 2000)
                {
                    Error(key, node, "must be at most 2,000 characters");
                }

                labels[key] = text;
            }
        }

        if (map["kind"] is { } kind && ReadString(kind, "kind") is { } kindText && kindText != "sweep")
        {
            Error("kind", kind, $"W&B's kind is sweep, not '{kindText}'");
        }

        if (map["controller"] is { } controller)
        {
            // AeSweep is always the sweep's controller (W&B's local controller): either W&B setting means the same here.
            if (ExpectMapping(controller, "controller", "{type: local|cloud}", out var c))
            {
                CheckKeys(c, "controller", ["type"]);
                if (c["type"] is { } t && ReadString(t, "controller.type") is { } type && type is not ("local" or "cloud"))
                {
                    Error("controller.type", t, $"'{type}' is not a W&B controller (local, cloud)");
                }
            }
        }

        return labels.ToImmutable();
    }

    private (SearchMethod? Method, string? Alias) ReadWandbMethod(DocMapping map)
    {
        if (map["method"] is not { } node)
        {
            Error("method", map, "required: grid, random or bayes (W&B's methods), or one of AeSweep's: auto, tpe, gp");
            return (null, null);
        }

        var text = ReadString(node, "method");
        switch (text)
        {
            case null:
                return (null, null);
            case "bayes":
                return (SearchMethod.Auto, "bayes");
            case "custom":
                Error("method", node, "W&B's custom method drives an outside scheduler (optuna, ax), which AeSweep does not run; use bayes (runs as auto), random or grid");
                return (null, null);
            default:
                var (method, _) = ReadMethod(map);
                return (method, null);
        }
    }

    private MetricSpec? ReadWandbMetric(DocNode? node, DocMapping root)
    {
        if (node is null)
        {
            Error("metric", root, "required: {name, goal}; AeSweep ranks trials by it and completes a trial when the program reports it (W&B lets grid and random sweeps go without)");
            return null;
        }

        if (!ExpectMapping(node, "metric", "{name, goal, target}", out var map))
        {
            return null;
        }

        CheckKeys(map, "metric", ["name", "goal", "target"], new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["impute"] = "not supported: AeSweep's samplers learn from completed and pruned trials and never impute a value for a failed one",
            ["impute_while_running"] = "not supported: AeSweep's samplers never impute values for running trials",
        });
        var name = map["name"] is { } n ? ReadString(n, "metric.name") : null;
        if (map["name"] is null)
        {
            Error("metric.name", map, "required: the name the program logs, e.g. val_loss");
        }
        else if (name is not null && (string.IsNullOrWhiteSpace(name) || name.Length > 200))
        {
            Error("metric.name", map["name"], "must be 1 to 200 characters");
        }

        var goal = MetricGoal.Minimize;
        if (map["goal"] is { } g && ReadString(g, "metric.goal") is { } goalText)
        {
            switch (goalText)
            {
                case "minimize":
                    break;
                case "maximize":
                    goal = MetricGoal.Maximize;
                    break;
                default:
                    Error("metric.goal", g, NameSuggestions.WithSuggestion($"'{goalText}' is not a goal (minimize, maximize)", goalText, ["minimize", "maximize"]));
                    break;
            }
        }

        var target = map["target"] is { } t ? ReadNumber(t, "metric.target", double.MinValue, double.MaxValue) : null;
        return name is null ? null : new MetricSpec(name, goal) { Target = target };
    }

    private BudgetSpec? ReadWandbBudget(DocMapping map)
    {
        var budget = ReadBudget(map["budget"]);
        if (map["run_cap"] is not { } capNode)
        {
            // No run_cap and no budget.max_trials: W&B runs until stopped, and so does this sweep (until cancelled).
            return budget;
        }

        var cap = ReadInteger(capNode, "run_cap", 1, 1_000_000);
        if (budget is { MaxTrials: not null })
        {
            Error("run_cap", capNode, "W&B's run_cap and budget.max_trials say the same thing; give one of them");
            return null;
        }

        return cap is null || budget is null ? null : budget with { MaxTrials = (int)cap.Value };
    }

    private ProgramSpec? ReadWandbProgram(DocMapping map, List<string> nested)
    {
        string? script = null;
        if (map["program"] is { } programNode)
        {
            script = ReadString(programNode, "program");
            if (script is not null && (string.IsNullOrWhiteSpace(script) || script.Length > 4096))
            {
                Error("program", programNode, "must be the path of the training script, 1 to 4,096 characters");
                script = null;
            }
        }

        var template = WandbCommand.DefaultTemplate.ToList();
        var templatePath = "command";
        if (map["command"] is { } commandNode)
        {
            if (commandNode is not DocSequence list)
            {
                Error("command", commandNode, $"must be a list of command items (W&B's command), not {commandNode.KindName}");
                return null;
            }

            template.Clear();
            for (var i = 0; i < list.Items.Count; i++)
            {
                if (list.Items[i] is DocScalar { IsNull: false } item)
                {
                    // W&B writes every item with str(): a number in the list is its text.
                    template.Add(item.Text);
                    if (WandbCommand.Problem(item.Text, script is not null) is { } problem)
                    {
                        Error($"command[{i}]", item, problem);
                    }
                }
                else
                {
                    Error($"command[{i}]", list.Items[i], $"must be a string, not {list.Items[i].KindName}");
                }
            }
        }
        else if (script is null)
        {
            Error("program", map, "required: the training script W&B's default command runs (${env} ${interpreter} ${program} ${args})");
            return null;
        }

        var resolved = WandbCommand.Resolve(template, script);
        if (resolved.Length == 0 || WandbCommand.ParameterMacros.Contains(resolved[0]) || string.IsNullOrWhiteSpace(resolved[0]))
        {
            Error(templatePath, map["command"] ?? map, "must start with the program to run (e.g. ${interpreter} ${program}, or ${env} python3 ${program})");
            return null;
        }

        var shim = true;
        if (map["wandb_shim"] is { } shimNode)
        {
            shim = ReadBoolean(shimNode, "wandb_shim") ?? true;
        }

        return new ProgramSpec(resolved, options.BaseDirectory)
        {
            WandbArguments = true,
            WandbShim = shim,
            NestedParameters = [.. nested],
        };
    }

    private EarlyTerminateSpec? ReadWandbHyperband(DocMapping map)
    {
        CheckKeys(map, "early_terminate", ["type", "min_iter", "max_iter", "s", "eta", "strict"]);
        var eta = 3L;
        if (map["eta"] is { } etaNode)
        {
            if (etaNode is DocScalar etaScalar && etaScalar.TryGetDouble(out var e) && e > 1 && e != Math.Floor(e))
            {
                Error("early_terminate.eta", etaNode, $"is {etaScalar.Text}; AeSweep's pruners need a whole eta of 2 or more (W&B allows any eta > 1)");
                return null;
            }

            eta = ReadInteger(etaNode, "early_terminate.eta", 2, 100) ?? 0;
        }

        if (map["strict"] is { } strictNode)
        {
            // W&B documents strict (default true) but its engine (wandb/sweeps hyperband_stopping.py) never reads it:
            // both values stop the same runs there, and here.
            ReadBoolean(strictNode, "early_terminate.strict");
        }

        var maxIter = map["max_iter"] is { } mi ? ReadInteger(mi, "early_terminate.max_iter", 1, 1_000_000) : null;
        var s = map["s"] is { } sNode ? ReadInteger(sNode, "early_terminate.s", 1, 100) : null;
        var minIter = map["min_iter"] is { } mn ? ReadInteger(mn, "early_terminate.min_iter", 1, 1_000_000) : null;
        if (eta == 0)
        {
            return null;
        }

        // W&B's bands: with max_iter and s, max_iter/eta, max_iter/eta², … (s of them, at least 1); otherwise min_iter,
        // min_iter·eta, … A running trial whose best value at its latest band is outside the best 1/eta of all trials'
        // values there stops: asynchronous successive halving, which is AeSweep's asha rule with the same rungs.
        if (maxIter is { } max && map.ContainsKey("s"))
        {
            if (s is null)
            {
                return null;
            }

            var band = (double)max;
            long lowest = 0;
            for (var i = 0; i < s; i++)
            {
                band /= eta;
                if (band < 1)
                {
                    break;
                }

                lowest = (long)band;
            }

            if (lowest < 1)
            {
                Error("early_terminate.s", map["s"], $"max_iter {max} / eta {eta} is below 1: no band to stop runs at (W&B refuses this too); lower eta or raise max_iter");
                return null;
            }

            return new EarlyTerminateSpec(EarlyTerminateType.Asha, (int)lowest, (int)eta, (int)max);
        }

        if (minIter is { } min)
        {
            return new EarlyTerminateSpec(EarlyTerminateType.Asha, (int)min, (int)eta);
        }

        Error("early_terminate", map, "W&B's hyperband needs min_iter, or max_iter with s");
        return null;
    }
}
