using System.Collections.Immutable;
using AeSweep.Core.Catalog;
using AeSweep.Core.Definitions.Documents;

namespace AeSweep.Core.Definitions;

// The evaluation-suite metrics (denoising, representation quality): a sweep may rank by one only where every trial
// reports it, and only pruners fed per-epoch values can use it.
internal sealed partial class SweepFileValidator
{
    private void CheckEvaluationMetric(MetricSpec? metric, ImmutableArray<ModelFamily>? models, DatasetSpec? dataset, EarlyTerminateSpec? earlyTerminate, DocMapping map)
    {
        if (metric is null || map.ContainsKey("program") || MetricCatalog.Find(metric.Name) is not { Rankable: true } builtIn)
        {
            return;
        }

        var (path, node) = map["metric"] is DocMapping metricMap ? ("metric.name", metricMap["name"] ?? metricMap) : ("metric", map["metric"]);
        switch (builtIn.Requirement)
        {
            case MetricRequirement.DenoisingFamily when models is { } families && families.Any(f => f != ModelFamily.Denoising):
                var others = string.Join(", ", families.Where(f => f != ModelFamily.Denoising).Distinct().Select(f => f.ToName()));
                Error(path, node, $"{metric.Name} is measured only for model: denoising (corrupted input → reconstruction), but the sweep also trains {others}");
                break;
            case MetricRequirement.Labels when dataset is { HasLabels: false }:
                Error(path, node, $"{metric.Name} needs class labels, but the dataset {dataset.Describe()} has none (use fashion-mnist, synthetic, idx with labels, or csv with label_column)");
                break;
        }

        if (builtIn.Timing == MetricTiming.FinalOnly && earlyTerminate is { Type: not EarlyTerminateType.None })
        {
            Error("early_terminate", map["early_terminate"], $"{metric.Name} is measured once, on the final model, so a pruner has no per-epoch value to compare; remove early_terminate or rank by a per-epoch metric such as val_mse");
        }
    }
}
