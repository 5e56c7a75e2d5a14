namespace AeSweep.Core.Catalog;

/// <summary>When a metric is reported.</summary>
public enum MetricTiming
{
    /// <summary>After every epoch (a trial's final metrics repeat the last epoch's).</summary>
    PerEpoch,

    /// <summary>Once, when the trial ends.</summary>
    FinalOnly,
}
