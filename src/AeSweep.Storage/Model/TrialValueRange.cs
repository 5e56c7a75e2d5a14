namespace AeSweep.Storage.Model;

/// <summary>
/// Keeps the trials whose numeric metric or parameter <paramref name="Name"/> lies in [<paramref name="Min"/>,
/// <paramref name="Max"/>] (either bound optional); trials without a numeric value are dropped.
/// </summary>
public sealed record TrialValueRange(TrialValueSource Source, string Name, double? Min = null, double? Max = null);
