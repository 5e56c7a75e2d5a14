using AeSweep.Core.Catalog;
using AeSweep.Core.Definitions.Documents;

namespace AeSweep.Core.Definitions;

/// <summary>Anomaly detection: <c>dataset.anomaly_classes</c> and the metrics that need it.</summary>
internal sealed partial class SweepFileValidator
{
    /// <summary>The most classes one sweep may hold out.</summary>
    private const int MaxAnomalyClasses = 1000;

    private const string AnomalyClassesPath = "dataset.anomaly_classes";

    // dataset.anomaly_classes: [c, ...], class labels (or, where AeSweep knows the classes, their names). Classes the
    // dataset's files alone can tell about (IDX, CSV) are checked against the labels when a trial loads them.
    private DatasetSpec? ReadAnomalyClasses(DocNode datasetNode, DatasetSpec? dataset)
    {
        if (datasetNode is not DocMapping map || map["anomaly_classes"] is not { } node)
        {
            return dataset;
        }

        if (node is not DocSequence list || list.Items.Count == 0)
        {
            Error(AnomalyClassesPath, node, $"must be a non-empty list of class labels, e.g. [5], not {node.KindName}");
            return null;
        }

        if (list.Items.Count > MaxAnomalyClasses)
        {
            Error(AnomalyClassesPath, node, $"{list.Items.Count} classes; at most {MaxAnomalyClasses} may be held out");
            return null;
        }

        if (dataset is null)
        {
            return null;
        }

        if (!dataset.HasLabels)
        {
            var how = dataset.Kind switch
            {
                DatasetSourceKind.Idx => "add labels: (an IDX labels file)",
                DatasetSourceKind.Csv => "add label_column: (the CSV column that holds each row's class)",
                _ => "use a dataset with labels",
            };
            Error(AnomalyClassesPath, node, $"needs class labels, and this dataset has none; {how}");
            return null;
        }

        var names = DatasetClasses.NamesOf(dataset);
        var classes = new List<int>();
        var errorsBefore = errors.Count;
        for (var i = 0; i < list.Items.Count; i++)
        {
            if (ReadAnomalyClass(list.Items[i], $"{AnomalyClassesPath}[{i}]", names) is not { } label)
            {
                continue;
            }

            if (classes.Contains(label))
            {
                Error($"{AnomalyClassesPath}[{i}]", list.Items[i], $"class {DatasetClasses.Describe(names, label)} is listed twice");
                continue;
            }

            classes.Add(label);
        }

        if (names is not null && classes.Count == names.Count)
        {
            Error(AnomalyClassesPath, node, $"holds out every one of the {names.Count} classes; trials need at least one normal class to train on");
        }

        return errors.Count > errorsBefore ? null : dataset with { AnomalyClasses = new ClassLabels(classes) };
    }

    private int? ReadAnomalyClass(DocNode item, string path, IReadOnlyList<string>? names)
    {
        var known = names is null
            ? $"a class label from 0 to {DatasetClasses.MaxLabel}"
            : $"a class from 0 to {names.Count - 1} or its name ({string.Join(", ", names)})";
        if (item is DocScalar scalar && scalar.TryGetLong(out var number))
        {
            var max = names is null ? DatasetClasses.MaxLabel : names.Count - 1;
            if (number < 0 || number > max)
            {
                Error(path, item, $"{number} is not a class of this dataset; expected {known}");
                return null;
            }

            return (int)number;
        }

        if (item is DocScalar { IsString: true } text && names is not null)
        {
            if (DatasetClasses.LabelOf(names, text.Text) is { } label)
            {
                return label;
            }

            Error(path, item, NameSuggestions.WithSuggestion($"'{Truncate(text.Text)}' is not a class of this dataset; expected {known}", text.Text, names));
            return null;
        }

        Error(path, item, $"must be {known}, not {Describe(item)}");
        return null;
    }

    // A metric that exists only for anomaly detection (val_auroc, ...) needs dataset.anomaly_classes.
    private void CheckMetricNeeds(CatalogMetric metric, string path, DocNode node, DatasetSpec? dataset)
    {
        if (metric.NeedsAnomalyClasses && dataset is not null && dataset.AnomalyClasses is null)
        {
            Error(path, node, $"{metric.Name} measures anomaly detection and needs dataset.anomaly_classes (the classes held out as anomalies, e.g. anomaly_classes: [5])");
        }
    }

    // A test metric is measured once, at the end, on data the search must not see: it never ranks trials.
    private static string? TestMetricReason(string name) =>
        name.StartsWith(MetricNames.TestPrefix, StringComparison.Ordinal) && MetricCatalog.Find(name) is not null
        && MetricCatalog.Find(MetricNames.ValidationPrefix + name[MetricNames.TestPrefix.Length..]) is { Rankable: true } validation
            ? $"'{name}' is measured once, on the test set, and never ranks trials (choosing by it would leak the test set into the search); rank by {validation.Name}"
            : null;
}
