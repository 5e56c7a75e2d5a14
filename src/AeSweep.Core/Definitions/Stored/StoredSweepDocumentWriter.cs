using System.Text;
using System.Text.Json;
using AeSweep.Core.Search;
using AeSweep.Core.Trials;

namespace AeSweep.Core.Definitions.Stored;

/// <summary>
/// Writes the current version of the stored document: every value spelled out (no defaults left to the reader), the
/// search space in its dependency order with the model family among the parameters, floats always with a point.
/// </summary>
internal static class StoredSweepDocumentWriter
{
    public static string Write(SweepDefinition definition)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteNumber(StoredSweepDocument.VersionField, StoredSweepDocument.CurrentVersion);
            json.WriteString("name", definition.Name);
            if (definition.Dataset is { } dataset)
            {
                WriteDataset(json, dataset);
            }

            if (definition.Program is { } program)
            {
                WriteProgram(json, program);
            }

            json.WriteString("method", definition.Method.ToString().ToLowerInvariant());
            WriteIfSet(json, "method_alias", definition.MethodAlias);
            if (definition.Flavor == SweepFlavor.Wandb)
            {
                json.WriteString("flavor", "wandb");
            }

            if (!definition.Labels.IsEmpty)
            {
                json.WriteStartObject("labels");
                foreach (var (key, value) in definition.Labels)
                {
                    json.WriteString(key, value);
                }

                json.WriteEndObject();
            }

            if (definition.Method == SearchMethod.Tpe)
            {
                json.WriteBoolean("tpe_multivariate", definition.TpeMultivariate);
            }

            json.WriteStartObject("metric");
            json.WriteString("name", definition.Metric.Name);
            json.WriteString("goal", definition.Metric.Goal == MetricGoal.Minimize ? "minimize" : "maximize");
            if (definition.Metric.Target is { } target)
            {
                json.WriteNumber("target", target);
            }

            json.WriteEndObject();
            ObjectivesJson.Write(json, definition);
            WriteParameters(json, definition.SearchSpace);
            WriteEarlyTerminate(json, definition.EarlyTerminate);
            WriteBudget(json, definition.Budget);
            ExecutionJson.Write(json, definition.Execution);
            FinalizeJson.Write(json, definition.Finalize);
            ConstraintsJson.Write(json, definition);
            EnqueueJson.Write(json, definition.Enqueue);
            if (definition.Seed is { } seed)
            {
                json.WriteNumber("seed", seed);
            }

            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static void WriteDataset(Utf8JsonWriter json, DatasetSpec dataset)
    {
        json.WriteStartObject("dataset");
        json.WriteString("type", dataset.Kind == DatasetSourceKind.BuiltIn ? "builtin" : SequenceSpecJson.TypeName(dataset.Kind) ?? dataset.Kind.ToString().ToLowerInvariant());
        WriteIfSet(json, "name", dataset.Name);
        WriteIfSet(json, "images", dataset.ImagesPath);
        WriteIfSet(json, "labels", dataset.LabelsPath);
        WriteIfSet(json, "path", dataset.CsvPath);
        if (dataset.Kind is DatasetSourceKind.Csv or DatasetSourceKind.CsvSequences)
        {
            json.WriteString("normalize", dataset.Normalize);
            WriteIfSet(json, "label_column", dataset.LabelColumn);
        }

        SequenceSpecJson.Write(json, dataset);

        if (dataset.Limit is { } limit)
        {
            json.WriteNumber("limit", limit);
        }

        json.WriteNumber("validation_split", dataset.ValidationSplit);
        if (dataset.AnomalyClasses is { } anomalyClasses)
        {
            json.WriteStartArray("anomaly_classes");
            foreach (var label in anomalyClasses)
            {
                json.WriteNumberValue(label);
            }

            json.WriteEndArray();
        }

        json.WriteEndObject();
    }

    private static void WriteProgram(Utf8JsonWriter json, ProgramSpec program)
    {
        json.WriteStartObject("program");
        if (program.AskTell)
        {
            json.WriteBoolean("ask_tell", true);
        }
        else
        {
            json.WriteStartArray("command");
            foreach (var part in program.Command)
            {
                json.WriteStringValue(part);
            }

            json.WriteEndArray();
            WriteIfSet(json, "working_directory", program.WorkingDirectory);
            if (program.WandbArguments)
            {
                json.WriteBoolean("wandb_arguments", true);
                json.WriteBoolean("wandb_shim", program.WandbShim);
                json.WriteStartArray("nested_parameters");
                foreach (var name in program.NestedParameters)
                {
                    json.WriteStringValue(name);
                }

                json.WriteEndArray();
            }
        }

        json.WriteEndObject();
    }

    private static void WriteParameters(Utf8JsonWriter json, SearchSpace space)
    {
        json.WriteStartObject("parameters");
        foreach (var parameter in space.Parameters)
        {
            json.WriteStartObject(parameter.Name);
            WriteDistribution(json, parameter.Distribution);
            if (parameter.Condition is { } condition)
            {
                WriteCondition(json, condition);
            }

            json.WriteEndObject();
        }

        json.WriteEndObject();
    }

    private static void WriteDistribution(Utf8JsonWriter json, ParameterDistribution distribution)
    {
        switch (distribution)
        {
            case ConstantDistribution constant:
                ParameterJson.WriteProperty(json, "value", constant.Value);
                break;
            case CategoricalDistribution categorical:
                json.WriteStartArray("values");
                foreach (var choice in categorical.Choices)
                {
                    ParameterJson.WriteValue(json, choice);
                }

                json.WriteEndArray();
                break;
            case IntDistribution range:
                json.WriteString("distribution", range.Log ? "int_log_uniform" : "int_uniform");
                json.WriteNumber("min", range.Low);
                json.WriteNumber("max", range.High);
                if (range.Step != 1)
                {
                    json.WriteNumber("q", range.Step);
                }

                break;
            case FloatDistribution range:
                json.WriteString("distribution", range.Log ? "log_uniform_values" : "uniform");
                ParameterJson.WriteProperty(json, "min", ParameterValue.Of(range.Low));
                ParameterJson.WriteProperty(json, "max", ParameterValue.Of(range.High));
                if (range.Step is { } step)
                {
                    ParameterJson.WriteProperty(json, "q", ParameterValue.Of(step));
                }

                break;
            case PriorDistribution prior:
                WritePrior(json, prior);
                break;
            default:
                throw new ArgumentException($"no stored form for {distribution.GetType().Name}", nameof(distribution));
        }
    }

    /// <summary>A W&amp;B prior in W&amp;B's own spelling, so the stored document reads as the file meant it.</summary>
    internal static void WritePrior(Utf8JsonWriter json, PriorDistribution prior)
    {
        var (name, first, second) = prior.Kind switch
        {
            PriorKind.Normal => ("normal", "mu", "sigma"),
            PriorKind.LogNormal => ("log_normal", "mu", "sigma"),
            PriorKind.Beta => ("beta", "a", "b"),
            PriorKind.Uniform => ("uniform", "min", "max"),
            _ => ("log_uniform", "min", "max"),
        };
        json.WriteString("distribution", prior.Q is null ? name : "q_" + name);
        ParameterJson.WriteProperty(json, first, ParameterValue.Of(prior.A));
        ParameterJson.WriteProperty(json, second, ParameterValue.Of(prior.B));
        if (prior.Q is { } q)
        {
            ParameterJson.WriteProperty(json, "q", ParameterValue.Of(q));
            json.WriteBoolean("integer_values", prior.IntegerValues);
        }
    }

    private static void WriteCondition(Utf8JsonWriter json, ParameterCondition condition)
    {
        json.WriteStartObject("when");
        if (condition.Values is { } values)
        {
            json.WriteStartArray(condition.Parent);
            foreach (var value in values)
            {
                ParameterJson.WriteValue(json, value);
            }

            json.WriteEndArray();
        }
        else
        {
            json.WriteStartObject(condition.Parent);
            if (condition.Min is { } min)
            {
                ParameterJson.WriteProperty(json, "min", ParameterValue.Of(min));
            }

            if (condition.Max is { } max)
            {
                ParameterJson.WriteProperty(json, "max", ParameterValue.Of(max));
            }

            json.WriteEndObject();
        }

        json.WriteEndObject();
    }

    private static void WriteEarlyTerminate(Utf8JsonWriter json, EarlyTerminateSpec spec)
    {
        json.WriteStartObject("early_terminate");
        json.WriteString("type", spec.Type.ToString().ToLowerInvariant());
        json.WriteNumber("min_epochs", spec.MinEpochs);
        json.WriteNumber("reduction_factor", spec.ReductionFactor);
        if (spec.MaxEpochs is { } max)
        {
            json.WriteNumber("max_epochs", max);
        }

        json.WriteNumber("startup_trials", spec.StartupTrials);
        json.WriteNumber("warmup_epochs", spec.WarmupEpochs);
        if (spec.Extrapolate)
        {
            json.WriteBoolean("extrapolate", true);
        }

        json.WriteEndObject();
    }

    private static void WriteBudget(Utf8JsonWriter json, BudgetSpec budget)
    {
        json.WriteStartObject("budget");
        if (budget.MaxTrials is { } trials)
        {
            json.WriteNumber("max_trials", trials);
        }

        json.WriteNumber("max_parallel", budget.MaxParallel);
        if (budget.MaxMinutes is { } minutes)
        {
            json.WriteNumber("max_minutes", minutes);
        }

        if (budget.MaxTrialMinutes is { } trialMinutes)
        {
            json.WriteNumber("max_trial_minutes", trialMinutes);
        }

        json.WriteNumber("max_failed_trials", budget.MaxFailedTrials);
        json.WriteNumber("max_attempts", budget.MaxAttempts);
        json.WriteEndObject();
    }

    private static void WriteIfSet(Utf8JsonWriter json, string name, string? value)
    {
        if (value is not null)
        {
            json.WriteString(name, value);
        }
    }
}
