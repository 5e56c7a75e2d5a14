using AeSweep.Core.Catalog;
using AeSweep.Core.Definitions.Documents;
using AeSweep.Core.Search;
using AeSweep.Core.Trials;

namespace AeSweep.Core.Definitions;

/// <summary>
/// Turns a <see cref="DocNode"/> tree into a <see cref="SweepDefinition"/>, collecting every error with its
/// field path and line. Sections live in the partial files beside this one.
/// </summary>
internal sealed partial class SweepFileValidator(SweepParseOptions options, List<ValidationError> errors)
{
    private static readonly string[] TopLevelKeys =
        ["name", "dataset", "model", "program", "method", "metric", "metrics", "parameters", "early_terminate", "budget", "execution", "seed", "finalize", "flavor", "constraints", "warm_start", "enqueue"];

    // Keys W&B users bring along, with where the same thing lives here.
    private static readonly Dictionary<string, string> WandbHints = new(StringComparer.Ordinal)
    {
        ["run_cap"] = "AeSweep's trial limit is budget.max_trials",
        ["command"] = "AeSweep runs an external trainer through program: {command: [...]}",
        ["project"] = "AeSweep has no projects; remove it",
        ["entity"] = "AeSweep has no entities; remove it",
        ["description"] = "sweep files have no description; use a comment (# ...)",
    };

    public SweepDefinition? Validate(DocNode? root)
    {
        if (root is null || root is DocScalar { IsNull: true })
        {
            Error(ValidationError.FilePath, null, "the file is empty; a sweep file names at least a dataset, a model (or program), a method and parameters");
            return null;
        }

        if (root is not DocMapping map)
        {
            Error(ValidationError.FilePath, root, $"a sweep file is a mapping of keys (name, dataset, model, method, parameters, ...), but this is {root.KindName}");
            return null;
        }

        Flavor = DetectFlavor(map);
        if (Flavor.Flavor == SweepFlavor.Wandb)
        {
            return ValidateWandb(map);
        }

        CheckKeys(map, string.Empty, TopLevelKeys, WandbHints);

        var name = ReadName(map);
        var program = map["program"] is { } programNode ? ReadProgram(programNode) : null;
        var models = map["model"] is { } modelNode ? ReadModels(modelNode) : null;
        if (map.ContainsKey("program") && map.ContainsKey("model"))
        {
            Error("program", map["program"], "a sweep names either model (AeSweep trains it) or program (your trainer), not both");
        }
        else if (!map.ContainsKey("program") && !map.ContainsKey("model"))
        {
            Error("model", map, "required: name a model family (" + string.Join(", ", ModelFamilyNames.All) + ") or a program: {command: [...]}");
        }

        var isProgram = map.ContainsKey("program");
        DatasetSpec? dataset = null;
        if (map["dataset"] is { } datasetNode)
        {
            dataset = ReadAnomalyClasses(datasetNode, ReadDataset(datasetNode));
        }
        else if (!isProgram)
        {
            Error("dataset", map, "required: a built-in name (" + string.Join(", ", DatasetSpec.BuiltInNames) + ") or {type: idx|csv, ...}");
        }

        var (method, tpeMultivariate) = ReadMethod(map);
        var metric = ReadMetric(map["metric"], isProgram, dataset);
        var objectives = ReadObjectives(map, isProgram, dataset);
        var space = ReadParameters(map["parameters"], map, isProgram, models, dataset);
        var budget = ReadBudget(map["budget"]);
        var earlyTerminate = ReadEarlyTerminate(map["early_terminate"], space);
        var execution = ReadExecution(map["execution"]);
        CheckEvaluationMetric(metric, models, dataset, earlyTerminate, map);
        var seed = map["seed"] is { } seedNode ? ReadInteger(seedNode, "seed", 0, long.MaxValue) : null;
        var finalize = ReadFinalize(map["finalize"], program);

        if (models is not null && dataset is { IsImage: false } && models.Contains(ModelFamily.Conv))
        {
            Error("model", map["model"], $"conv needs image data, but the dataset is {dataset.Kind.ToString().ToLowerInvariant()}; use dense, denoising, sparse or vae");
        }

        CheckLstmAgainstData(models, dataset, map["model"]);
        CheckMethodAgainstSpace(method, space, budget, map);
        CheckObjectives(objectives, method, earlyTerminate, program, map);
        CheckProgramArguments(program, space, map);
        var constraints = ReadConstraints(map["constraints"], space);
        var warmStart = ReadWarmStart(map["warm_start"]);
        var enqueue = ReadEnqueue(map["enqueue"], space, program, constraints);

        if (errors.Count > 0 || method is null || space is null || budget is null || earlyTerminate is null || execution is null)
        {
            return null;
        }

        return new SweepDefinition(name, dataset, program, method.Value, objectives.FirstOrDefault() ?? metric ?? MetricSpec.Default, space, earlyTerminate, budget, seed)
        {
            TpeMultivariate = tpeMultivariate,
            Execution = execution,
            Finalize = finalize,
            Objectives = new ObjectiveList(objectives),
            Constraints = constraints,
            WarmStart = warmStart,
            Enqueue = enqueue,
        };
    }

    private string ReadName(DocMapping map)
    {
        var fallback = options.SourceName is { } source ? Path.GetFileNameWithoutExtension(source) : "sweep";
        if (map["name"] is not { } node)
        {
            return fallback;
        }

        var name = ReadString(node, "name");
        if (name is null)
        {
            return fallback;
        }

        if (string.IsNullOrWhiteSpace(name) || name.Length > 200)
        {
            Error("name", node, "must be 1 to 200 characters");
        }

        return name;
    }

    private static readonly string[] MethodNames = ["grid", "random", "tpe", "gp", "auto"];

    // method: NAME, or the mapping form {type: tpe, multivariate: true} for TPE's settings.
    private (SearchMethod? Method, bool TpeMultivariate) ReadMethod(DocMapping map)
    {
        if (map["method"] is not { } node)
        {
            Error("method", map, "required: one of auto (recommended), tpe, gp, random, grid");
            return (null, false);
        }

        var multivariate = false;
        var typeNode = node;
        var typePath = "method";
        if (node is DocMapping methodMap)
        {
            CheckKeys(methodMap, "method", ["type", "multivariate"]);
            typePath = "method.type";
            if (methodMap["type"] is not { } t)
            {
                Error(typePath, node, "required: one of auto, tpe, gp, random, grid");
                return (null, false);
            }

            typeNode = t;
            if (methodMap["multivariate"] is { } m)
            {
                multivariate = ReadBoolean(m, "method.multivariate") == true;
                if (t is DocScalar { Text: not "tpe" })
                {
                    Error("method.multivariate", m, "only TPE has this setting (method: {type: tpe, multivariate: true})");
                }
            }
        }

        var text = ReadString(typeNode, typePath);
        switch (text)
        {
            case null:
                return (null, false);
            case "grid":
                return (SearchMethod.Grid, false);
            case "random":
                return (SearchMethod.Random, false);
            case "tpe":
                return (SearchMethod.Tpe, multivariate);
            case "gp":
                return (SearchMethod.Gp, false);
            case "auto":
                return (SearchMethod.Auto, false);
            case "bayes" or "bayesian":
                Error(typePath, typeNode, $"'{text}' is W&B's name; AeSweep's Bayesian methods are auto (recommended), tpe and gp");
                return (null, false);
            default:
                Error(typePath, typeNode, NameSuggestions.WithSuggestion($"'{text}' is not a search method ({string.Join(", ", MethodNames)})", text, MethodNames));
                return (null, false);
        }
    }

    private MetricSpec? ReadMetric(DocNode? node, bool isProgram, DatasetSpec? dataset)
    {
        if (node is null)
        {
            return null;
        }

        string? name;
        string? goalText = null;
        DocNode? goalNode = null;
        DocNode nameNode = node;
        if (node is DocScalar)
        {
            name = ReadString(node, "metric");
        }
        else if (node is DocMapping map)
        {
            CheckKeys(map, "metric", ["name", "goal"]);
            nameNode = map["name"] ?? node;
            name = map["name"] is { } n ? ReadString(n, "metric.name") : null;
            if (map["name"] is null)
            {
                Error("metric.name", map, "required, e.g. val_mse");
            }

            goalNode = map["goal"];
            goalText = goalNode is not null ? ReadString(goalNode, "metric.goal") : null;
        }
        else
        {
            Error("metric", node, $"must be a metric name or {{name, goal}}, not {node.KindName}");
            return null;
        }

        if (name is null)
        {
            return null;
        }

        var namePath = node is DocMapping ? "metric.name" : "metric";
        MetricGoal? naturalGoal = null;
        if (!isProgram)
        {
            var rankable = MetricCatalog.Rankable.Select(m => m.Name).ToArray();
            if (MetricCatalog.Find(name) is not { Rankable: true, Goal: { } natural } builtIn)
            {
                Error(namePath, nameNode, TestMetricReason(name) ?? NameSuggestions.WithSuggestion($"'{name}' is not a metric AeSweep computes ({string.Join(", ", rankable)})", name, rankable));
            }
            else
            {
                naturalGoal = natural;
                CheckMetricNeeds(builtIn, namePath, nameNode, dataset);
                if (builtIn.ImageOnly && dataset is { IsImage: false })
                {
                    Error(namePath, nameNode, $"{name} is defined for images, but the dataset is {dataset.Kind.ToString().ToLowerInvariant()}");
                }
            }
        }
        else if (string.IsNullOrWhiteSpace(name))
        {
            Error(namePath, nameNode, "must not be empty");
        }

        MetricGoal goal;
        switch (goalText)
        {
            case null:
                goal = naturalGoal ?? MetricGoal.Minimize;
                break;
            case "minimize":
                goal = MetricGoal.Minimize;
                break;
            case "maximize":
                goal = MetricGoal.Maximize;
                break;
            default:
                Error("metric.goal", goalNode, NameSuggestions.WithSuggestion($"'{goalText}' is not a goal (minimize, maximize)", goalText, ["minimize", "maximize"]));
                return null;
        }

        if (naturalGoal is { } expected && goalText is not null && goal != expected)
        {
            Error("metric.goal", goalNode, $"{name} is better when {(expected == MetricGoal.Minimize ? "smaller" : "larger")}; {goalText} would rank the worst models first");
        }

        return new MetricSpec(name, goal);
    }

    private BudgetSpec? ReadBudget(DocNode? node)
    {
        if (node is null)
        {
            return new BudgetSpec(null);
        }

        if (!ExpectMapping(node, "budget", "{max_trials, max_parallel, max_minutes, max_trial_minutes, max_failed_trials, max_attempts}", out var map))
        {
            return null;
        }

        var errorsBefore = errors.Count;
        CheckKeys(map, "budget", ["max_trials", "max_parallel", "max_minutes", "max_trial_minutes", .. FailureBudgetKeys]);
        var maxTrials = map["max_trials"] is { } t ? ReadInteger(t, "budget.max_trials", BudgetLimits.MinTrials, BudgetLimits.MaxTrials) : null;
        var maxParallel = map["max_parallel"] is { } p ? ReadInteger(p, "budget.max_parallel", BudgetLimits.MinParallel, BudgetLimits.MaxParallel) : 1;
        var maxMinutes = map["max_minutes"] is { } m ? ReadNumber(m, "budget.max_minutes", BudgetLimits.MinMinutesExclusive, BudgetLimits.MaxMinutes, minExclusive: true) : null;
        var maxTrialMinutes = map["max_trial_minutes"] is { } tm ? ReadNumber(tm, "budget.max_trial_minutes", BudgetLimits.MinMinutesExclusive, BudgetLimits.MaxMinutes, minExclusive: true) : null;
        var budget = new BudgetSpec((int?)maxTrials, (int)(maxParallel ?? 1), maxMinutes) { MaxTrialMinutes = maxTrialMinutes };
        budget = ReadFailureBudget(map, budget);
        return errors.Count > errorsBefore ? null : budget;
    }

    private static readonly string[] FailureBudgetKeys = ["max_failed_trials", "max_attempts"];

    /// <summary>budget.max_failed_trials and budget.max_attempts: how much failure a sweep tolerates.</summary>
    private BudgetSpec ReadFailureBudget(DocMapping map, BudgetSpec budget)
    {
        var maxFailed = map["max_failed_trials"] is { } f ? ReadInteger(f, "budget.max_failed_trials", 1, 1_000_000) : null;
        var maxAttempts = map["max_attempts"] is { } a ? ReadInteger(a, "budget.max_attempts", 1, 100) : null;
        return budget with
        {
            MaxFailedTrials = (int)(maxFailed ?? BudgetSpec.DefaultMaxFailedTrials),
            MaxAttempts = (int)(maxAttempts ?? BudgetSpec.DefaultMaxAttempts),
        };
    }

    private void CheckMethodAgainstSpace(SearchMethod? method, SearchSpace? space, BudgetSpec? budget, DocMapping map)
    {
        IReadOnlyList<SearchParameter>? parameters = space is null ? _parametersThatParsed : space.Parameters;
        if (method is null || parameters is null)
        {
            return;
        }

        if (method == SearchMethod.Grid)
        {
            double size = 1;
            foreach (var parameter in parameters)
            {
                if (!parameter.Distribution.IsDiscrete)
                {
                    Error($"parameters.{parameter.Name}", ParameterNode(map, parameter.Name), "grid search needs discrete values: give values: [...], a step q, or integer bounds; or use method: random or tpe");
                }
                else
                {
                    size *= parameter.Distribution.EnumerateValues().Count;
                }
            }

            if (size > GridLimit)
            {
                Error("method", map["method"], $"the grid has about {size:G3} points (more than {GridLimit:N0}); use random or tpe, or fewer values");
            }
        }
        else if (budget is { MaxTrials: null, MaxMinutes: null })
        {
            Error("budget.max_trials", map["budget"] ?? map, $"required for {method.ToString()!.ToLowerInvariant()} search (or set budget.max_minutes), so the sweep ends");
        }
    }

    private const double GridLimit = 100_000;

    // The parameters that parsed when others did not, so the method checks still report their mistakes.
    private IReadOnlyList<SearchParameter>? _parametersThatParsed;

    private static DocNode? ParameterNode(DocMapping map, string name)
    {
        if (map["parameters"] is not DocMapping parameters)
        {
            return null;
        }

        var baseName = ParameterCatalog.TryParseLayerWidth(name, out _) && parameters[name] is null ? ParameterNames.Width : name;
        return parameters[baseName] ?? parameters;
    }
}
