namespace AeSweep.Storage.Model;

/// <summary>One epoch's metrics as a worker reports them under its lease (an entry of a batched report).</summary>
public sealed record EpochReport(TrialLease Lease, int Epoch, IReadOnlyDictionary<string, double> Metrics);
