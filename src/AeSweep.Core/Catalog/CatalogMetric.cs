using System.Globalization;
using AeSweep.Core.Trials;

namespace AeSweep.Core.Catalog;

/// <summary>A metric built-in training reports, with how to rank and show it.</summary>
/// <param name="Name">The reported name, e.g. <c>val_psnr</c>.</param>
/// <param name="Label">A short human label, e.g. "validation PSNR".</param>
/// <param name="Goal">Which way is better; null for counts and times that rank nothing.</param>
/// <param name="Unit">The unit shown after a value (<c>dB</c>, <c>s</c>), or null for a plain number.</param>
/// <param name="DisplayFormat">A .NET numeric format for values, or null for the host's general number format.</param>
/// <param name="Timing">Reported each epoch or only at the end.</param>
/// <param name="Rankable">Whether a built-in sweep may rank trials by it (<c>metric.name</c>).</param>
/// <param name="ImageOnly">Whether it exists only for image data in [0, 1].</param>
public sealed record CatalogMetric(
    string Name,
    string Label,
    MetricGoal? Goal,
    string? Unit,
    string? DisplayFormat,
    MetricTiming Timing,
    bool Rankable,
    bool ImageOnly)
{
    /// <summary>Whether it exists only for a dataset with <c>anomaly_classes</c> (the anomaly-detection metrics).</summary>
    public bool NeedsAnomalyClasses { get; init; }
    /// <summary>What a sweep needs for built-in training to report this metric (beyond <see cref="ImageOnly"/>).</summary>
    public MetricRequirement Requirement { get; init; } = MetricRequirement.None;

    /// <summary>
    /// A value as the dashboard shows it: the catalog's format (or <paramref name="general"/> when it has none, else
    /// four significant digits) and the unit, e.g. "27.31 dB".
    /// </summary>
    public string Format(double value, Func<double, string>? general = null)
    {
        var number = DisplayFormat is { } format
            ? value.ToString(format, CultureInfo.InvariantCulture)
            : general?.Invoke(value) ?? value.ToString("G4", CultureInfo.InvariantCulture);
        return Unit is { } unit && double.IsFinite(value) ? $"{number} {unit}" : number;
    }
}
