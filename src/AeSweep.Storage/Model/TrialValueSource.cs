namespace AeSweep.Storage.Model;

/// <summary>Where a named trial value comes from: its final metrics or its parameters.</summary>
public enum TrialValueSource
{
    Metric,
    Parameter,
}
