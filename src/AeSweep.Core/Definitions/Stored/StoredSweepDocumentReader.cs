using System.Collections.Immutable;
using AeSweep.Core.Trials;

namespace AeSweep.Core.Definitions.Stored;

/// <summary>
/// Builds a <see cref="SweepDefinition"/> straight from a stored document of any version. Version 1 (no
/// <c>document_version</c>) is what <see cref="SweepDefinitionJsonWriter"/> stored: the model family at the top level and
/// defaults left out; its defaults are pinned here as they were when it was written, so changing a default later
/// never changes an old sweep. Version 2 spells every value out and keeps the model family among the parameters.
/// </summary>
internal static class StoredSweepDocumentReader
{
    // The defaults version 1 documents relied on by leaving keys out (the validator's, as of 2026-12).
    private const int V1MaxParallel = 1;
    private const int V1MaxFailedTrials = 10;
    private const int V1MaxAttempts = 3;
    private const double V1ValidationSplit = 0.1;
    private const string V1Normalize = "minmax";
    private const int V1MinEpochs = 1;
    private const int V1ReductionFactor = 3;
    private const int V1StartupTrials = 5;
    private const int V1WarmupEpochs = 0;

    // Documents written before the execution section existed (versions 1 and 2) checkpointed every epoch; they now get
    // the cadence that was the default when the section was added, pinned here.
    private const int NoExecutionCheckpointSeconds = 30;

    // Documents written before execution.fuse existed read as auto (null), the default, as the parser reads the same
    // file today: a fused member's results equal the trial trained alone (issue 13), so fusion only changes how fast
    // an old sweep's remaining trials train, and auto fuses only where that is measured faster. So no pinned value here.

    public static SweepDefinition Read(StoredField root, int version)
    {
        var name = root.Required("name").String();
        var program = root.Optional("program") is { } p ? ReadProgram(p) : null;
        var dataset = root.Optional("dataset") is { } d ? ReadDataset(d) : null;
        var methodField = root.Required("method");
        var method = methodField.String() switch
        {
            "grid" => SearchMethod.Grid,
            "random" => SearchMethod.Random,
            "tpe" => SearchMethod.Tpe,
            "gp" => SearchMethod.Gp,
            "auto" => SearchMethod.Auto,
            _ => throw methodField.Wrong("grid, random, tpe, gp or auto"),
        };

        // Documents written before TPE had the setting were univariate (the default then and now).
        var tpeMultivariate = root.Optional("tpe_multivariate")?.Boolean() ?? false;

        // Version 1 kept a built-in sweep's model family apart from its parameters, as sweep files do.
        var model = version == 1 && program is null ? root.Optional("model") : null;
        var space = StoredSearchSpaceReader.Read(root.Optional("parameters"), model);
        var metric = root.Optional("metric") is { } metricField ? ReadMetric(metricField) : MetricSpec.Default;
        // Multi-objective sweeps (metrics:) since 2026-12; older documents have one metric.
        var objectives = root.Optional("metrics") is { } objectivesField ? new ObjectiveList(objectivesField.Items().Select(ReadMetric)) : ObjectiveList.Empty;
        var earlyTerminate = root.Optional("early_terminate") is { } e ? ReadEarlyTerminate(e) : EarlyTerminateSpec.None;
        var budget = root.Optional("budget") is { } b ? ReadBudget(b) : new BudgetSpec(null, V1MaxParallel)
        {
            MaxFailedTrials = V1MaxFailedTrials,
            MaxAttempts = V1MaxAttempts,
        };
        var seed = root.Optional("seed")?.Long();
        var execution = root.Optional("execution") is { } x ? ReadExecution(x) : new ExecutionSpec { CheckpointSeconds = NoExecutionCheckpointSeconds };
        // Flavour, labels and the method alias were added to version 2 as optional fields: absent, an AeSweep sweep.
        var labels = root.Optional("labels") is { } l
            ? l.Properties().ToImmutableSortedDictionary(p => p.Key, p => p.Value.String(), StringComparer.Ordinal)
            : ImmutableSortedDictionary<string, string>.Empty;
        var definition = new SweepDefinition(name, dataset, program, method, objectives.Count > 0 ? objectives[0] : metric, space, earlyTerminate, budget, seed)
        {
            TpeMultivariate = tpeMultivariate,
            Execution = execution,
            Finalize = root.Optional("finalize") is { } f ? new FinalizeSpec(f.Required("top_k").Int(), f.Required("seeds").Int()) : null,
            Objectives = objectives,
            Flavor = root.Optional("flavor")?.String() == "wandb" ? SweepFlavor.Wandb : SweepFlavor.AeSweep,
            Labels = labels,
            MethodAlias = root.Optional("method_alias")?.String(),
            Enqueue = EnqueueJson.Read(root.Optional("enqueue")),
        };
        return ConstraintsJson.Read(root, definition);
    }

    private static ProgramSpec ReadProgram(StoredField field)
    {
        if (field.Optional("ask_tell")?.Boolean() == true)
        {
            return ProgramSpec.External;
        }

        var command = field.Required("command").Items().Select(part => part.String()).ToImmutableArray();
        return new ProgramSpec(command, field.Optional("working_directory")?.String())
        {
            WandbArguments = field.Optional("wandb_arguments")?.Boolean() ?? false,
            WandbShim = field.Optional("wandb_shim")?.Boolean() ?? false,
            NestedParameters = field.Optional("nested_parameters") is { } nested ? [.. nested.Items().Select(n => n.String())] : [],
        };
    }

    private static DatasetSpec ReadDataset(StoredField field)
    {
        var limit = field.Optional("limit")?.Int();
        var split = field.Optional("validation_split")?.Number() ?? V1ValidationSplit;

        // Version 1 wrote a built-in dataset as its name alone; synthetic data has always been spelled out.
        var type = field.Optional("type") is { } t ? t.String() : "builtin";
        var spec = type switch
        {
            "builtin" when field.Required("name").String() == "synthetic-sequences" => SequenceSpecJson.ReadSynthetic(field, limit, split),
            "builtin" when field.Required("name").String() is var name && name != "synthetic" =>
                new DatasetSpec(DatasetSourceKind.BuiltIn, Name: name, Limit: limit, ValidationSplit: split),
            "builtin" or "synthetic" => new DatasetSpec(
                DatasetSourceKind.Synthetic, Name: field.Optional("name")?.String() ?? "synthetic", Limit: limit, ValidationSplit: split),
            "idx" => new DatasetSpec(
                DatasetSourceKind.Idx, ImagesPath: field.Required("images").String(), LabelsPath: field.Optional("labels")?.String(), Limit: limit, ValidationSplit: split),
            "csv" => new DatasetSpec(
                DatasetSourceKind.Csv, CsvPath: field.Required("path").String(), Limit: limit, ValidationSplit: split,
                Normalize: field.Optional("normalize")?.String() ?? V1Normalize, LabelColumn: field.Optional("label_column")?.String()),
            "synthetic-sequences" => SequenceSpecJson.ReadSynthetic(field, limit, split),
            "csv-sequences" => SequenceSpecJson.ReadCsv(field, limit, split),
            _ => throw field.Required("type").Wrong("builtin, synthetic, idx, csv, synthetic-sequences or csv-sequences"),
        };

        // Absent before anomaly detection existed, and in documents of sweeps without it.
        return field.Optional("anomaly_classes") is { } anomaly
            ? spec with { AnomalyClasses = new ClassLabels(anomaly.Items().Select(item => item.Int())) }
            : spec;
    }

    private static MetricSpec ReadMetric(StoredField field)
    {
        var goalField = field.Optional("goal");
        var goal = goalField?.String() switch
        {
            null => MetricGoal.Minimize,
            "minimize" => MetricGoal.Minimize,
            "maximize" => MetricGoal.Maximize,
            _ => throw goalField!.Value.Wrong("minimize or maximize"),
        };
        return new MetricSpec(field.Required("name").String(), goal) { Target = field.Optional("target")?.Number() };
    }

    private static EarlyTerminateSpec ReadEarlyTerminate(StoredField field)
    {
        var typeField = field.Required("type");
        var type = typeField.String() switch
        {
            "none" => EarlyTerminateType.None,
            "median" => EarlyTerminateType.Median,
            "asha" => EarlyTerminateType.Asha,
            "hyperband" => EarlyTerminateType.Hyperband,
            "pasha" => EarlyTerminateType.Pasha,
            _ => throw typeField.Wrong("none, median, asha, hyperband or pasha"),
        };
        return new EarlyTerminateSpec(
            type,
            field.Optional("min_epochs")?.Int() ?? V1MinEpochs,
            field.Optional("reduction_factor")?.Int() ?? V1ReductionFactor,
            field.Optional("max_epochs")?.Int(),
            field.Optional("startup_trials")?.Int() ?? V1StartupTrials,
            field.Optional("warmup_epochs")?.Int() ?? V1WarmupEpochs)
        {
            // Absent in documents stored before pruners could extrapolate: they ranked by the value so far.
            Extrapolate = field.Optional("extrapolate")?.Boolean() ?? false,
        };
    }

    private static ExecutionSpec ReadExecution(StoredField field) => new()
    {
        CheckpointSeconds = field.Optional("checkpoint_seconds")?.Int() ?? NoExecutionCheckpointSeconds,
        Fuse = field.Optional("fuse") is { Element.ValueKind: System.Text.Json.JsonValueKind.Number } fuse ? fuse.Int() : null,
    };

    private static BudgetSpec ReadBudget(StoredField field) =>
        new(field.Optional("max_trials")?.Int(), field.Optional("max_parallel")?.Int() ?? V1MaxParallel, field.Optional("max_minutes")?.Number())
        {
            MaxTrialMinutes = field.Optional("max_trial_minutes")?.Number(),
            MaxFailedTrials = field.Optional("max_failed_trials")?.Int() ?? V1MaxFailedTrials,
            MaxAttempts = field.Optional("max_attempts")?.Int() ?? V1MaxAttempts,
        };
}
