using System.Text;
using System.Text.Json;
using AeSweep.Core.Search;
using AeSweep.Core.Trials;

namespace AeSweep.Core.Definitions;

/// <summary>
/// Writes a <see cref="SweepDefinition"/> as a canonical sweep file in JSON: every default spelled out and
/// per-layer widths expanded, so that parsing the output gives back an equal definition. Sweeps are stored as
/// <see cref="Stored.StoredSweepDocument"/> instead; what this wrote before (version 1) is still read there.
/// </summary>
public static class SweepDefinitionJsonWriter
{
    /// <summary>The definition as indented JSON.</summary>
    public static string Write(SweepDefinition definition)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteString("name", definition.Name);
            if (definition.Dataset is { } dataset)
            {
                WriteDataset(json, dataset);
            }

            var model = definition.SearchSpace.Find(SweepDefinition.ModelParameter);
            if (definition.Program is { } program)
            {
                json.WriteStartObject("program");
                if (program.AskTell)
                {
                    json.WriteBoolean("ask_tell", true);
                    json.WriteEndObject();
                }
                else
                {
                    WriteProgramCommand(json, program);
                }
            }
            else if (model is not null)
            {
                json.WritePropertyName("model");
                WriteSpec(json, model.Distribution, null);
            }

            if (definition.TpeMultivariate)
            {
                json.WriteStartObject("method");
                json.WriteString("type", "tpe");
                json.WriteBoolean("multivariate", true);
                json.WriteEndObject();
            }
            else
            {
                json.WriteString("method", definition.Method.ToString().ToLowerInvariant());
            }

            if (!definition.IsMultiObjective)
            {
                json.WriteStartObject("metric");
                json.WriteString("name", definition.Metric.Name);
                json.WriteString("goal", definition.Metric.Goal == MetricGoal.Minimize ? "minimize" : "maximize");
                json.WriteEndObject();
            }

            ObjectivesJson.Write(json, definition);

            json.WriteStartObject("parameters");
            foreach (var parameter in definition.SearchSpace.Parameters.Where(p => definition.Program is not null || p.Name != SweepDefinition.ModelParameter))
            {
                json.WritePropertyName(parameter.Name);
                WriteSpec(json, parameter.Distribution, parameter.Condition);
            }

            json.WriteEndObject();
            WriteEarlyTerminate(json, definition.EarlyTerminate);
            WriteBudget(json, definition.Budget);
            ExecutionJson.Write(json, definition.Execution);
            FinalizeJson.Write(json, definition.Finalize);
            ConstraintsJson.Write(json, definition);
            if (definition.Seed is { } seed)
            {
                json.WriteNumber("seed", seed);
            }

            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static void WriteProgramCommand(Utf8JsonWriter json, ProgramSpec program)
    {
        json.WriteStartArray("command");
        foreach (var part in program.Command)
        {
            json.WriteStringValue(part);
        }

        json.WriteEndArray();
        if (program.WorkingDirectory is { } wd)
        {
            json.WriteString("working_directory", wd);
        }

        json.WriteEndObject();
    }

    private static void WriteDataset(Utf8JsonWriter json, DatasetSpec dataset)
    {
        json.WriteStartObject("dataset");
        switch (dataset.Kind)
        {
            case DatasetSourceKind.BuiltIn:
                json.WriteString("name", dataset.Name);
                break;
            case DatasetSourceKind.Synthetic:
                json.WriteString("type", "synthetic");
                break;
            case DatasetSourceKind.Idx:
                json.WriteString("type", "idx");
                json.WriteString("images", dataset.ImagesPath);
                if (dataset.LabelsPath is { } labels)
                {
                    json.WriteString("labels", labels);
                }

                break;
            case DatasetSourceKind.Csv:
                json.WriteString("type", "csv");
                json.WriteString("path", dataset.CsvPath);
                json.WriteString("normalize", dataset.Normalize);
                if (dataset.LabelColumn is { } labelColumn)
                {
                    json.WriteString("label_column", labelColumn);
                }

                break;
            case DatasetSourceKind.SyntheticSequences:
                json.WriteString("name", dataset.Name);
                break;
            case DatasetSourceKind.CsvSequences:
                json.WriteString("type", "csv-sequences");
                json.WriteString("path", dataset.CsvPath);
                json.WriteString("normalize", dataset.Normalize);
                break;
        }

        Stored.SequenceSpecJson.Write(json, dataset);

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

    private static void WriteSpec(Utf8JsonWriter json, ParameterDistribution distribution, ParameterCondition? condition)
    {
        json.WriteStartObject();
        switch (distribution)
        {
            case ConstantDistribution constant:
                json.WritePropertyName("value");
                WriteValue(json, constant.Value);
                break;
            case CategoricalDistribution categorical:
                json.WriteStartArray("values");
                foreach (var choice in categorical.Choices)
                {
                    WriteValue(json, choice);
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
            case PriorDistribution prior:
                Stored.StoredSweepDocumentWriter.WritePrior(json, prior);
                break;
            case FloatDistribution range:
                json.WriteString("distribution", range.Log ? "log_uniform_values" : "uniform");
                WriteFloat(json, "min", range.Low);
                WriteFloat(json, "max", range.High);
                if (range.Step is { } step)
                {
                    WriteFloat(json, "q", step);
                }

                break;
        }

        if (condition is not null)
        {
            json.WriteStartObject("when");
            if (condition.Values is { } values)
            {
                json.WriteStartArray(condition.Parent);
                foreach (var value in values)
                {
                    WriteValue(json, value);
                }

                json.WriteEndArray();
            }
            else
            {
                json.WriteStartObject(condition.Parent);
                if (condition.Min is { } min)
                {
                    WriteFloat(json, "min", min);
                }

                if (condition.Max is { } max)
                {
                    WriteFloat(json, "max", max);
                }

                json.WriteEndObject();
            }

            json.WriteEndObject();
        }

        json.WriteEndObject();
    }

    // Floats keep a decimal point so that 1.0 reads back as a float range, not an integer one.
    private static void WriteFloat(Utf8JsonWriter json, string name, double value) => ParameterJson.WriteProperty(json, name, ParameterValue.Of(value));

    private static void WriteValue(Utf8JsonWriter json, ParameterValue value) => ParameterJson.WriteValue(json, value);

    private static void WriteEarlyTerminate(Utf8JsonWriter json, EarlyTerminateSpec spec)
    {
        if (spec.Type == EarlyTerminateType.None)
        {
            return;
        }

        json.WriteStartObject("early_terminate");
        json.WriteString("type", spec.Type.ToString().ToLowerInvariant());
        if (spec.Type == EarlyTerminateType.Median)
        {
            json.WriteNumber("startup_trials", spec.StartupTrials);
            json.WriteNumber("warmup_epochs", spec.WarmupEpochs);
        }
        else
        {
            json.WriteNumber("min_epochs", spec.MinEpochs);
            json.WriteNumber("reduction_factor", spec.ReductionFactor);
            if (spec.MaxEpochs is { } max)
            {
                json.WriteNumber("max_epochs", max);
            }

            if (spec.Extrapolate)
            {
                json.WriteBoolean("extrapolate", true);
            }
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

        WriteFailureBudget(json, budget);
        json.WriteEndObject();
    }

    private static void WriteFailureBudget(Utf8JsonWriter json, BudgetSpec budget)
    {
        // Defaults are left out, so definitions stored before these keys existed read back unchanged.
        if (budget.MaxFailedTrials != BudgetSpec.DefaultMaxFailedTrials)
        {
            json.WriteNumber("max_failed_trials", budget.MaxFailedTrials);
        }

        if (budget.MaxAttempts != BudgetSpec.DefaultMaxAttempts)
        {
            json.WriteNumber("max_attempts", budget.MaxAttempts);
        }
    }
}
