namespace AeSweep.Core.Definitions;

/// <summary>
/// The sweep file's <c>execution</c> section: how workers run a sweep's trials, as opposed to what is searched. Each
/// setting is an init property with its default, so the section grows (e.g. <c>fuse</c>) without breaking callers.
/// </summary>
public sealed record ExecutionSpec
{
    /// <summary>Default of <see cref="CheckpointSeconds"/>.</summary>
    public const int DefaultCheckpointSeconds = 30;

    /// <summary>Smallest <see cref="CheckpointSeconds"/> a sweep file may ask for.</summary>
    public const int MinCheckpointSeconds = 1;

    /// <summary>Largest <see cref="CheckpointSeconds"/> a sweep file may ask for (an hour: more risks an hour's work).</summary>
    public const int MaxCheckpointSeconds = 3600;

    /// <summary>Smallest <see cref="Fuse"/> (1: every trial trains alone).</summary>
    public const int MinFuse = 1;

    /// <summary>Largest <see cref="Fuse"/>: a bigger pack delays all its members' results for little more throughput.</summary>
    public const int MaxFuse = 32;

    /// <summary>Every setting at its default.</summary>
    public static ExecutionSpec Default { get; } = new();

    /// <summary>
    /// <c>execution.checkpoint_seconds</c>: a built-in trial writes a checkpoint at the first epoch end after this many
    /// seconds of training since its last one (and at every pruning rung, at its last epoch and when its worker stops),
    /// so a killed worker loses at most about this much work.
    /// </summary>
    public int CheckpointSeconds { get; init; } = DefaultCheckpointSeconds;

    /// <summary>
    /// <c>execution.fuse</c>: how many pending trials of the sweep that share an architecture a worker slot trains as
    /// one fused pack (<see cref="MinFuse"/> to <see cref="MaxFuse"/>; 1 turns fusion off). Null is <c>auto</c>, the
    /// default: the worker picks the size for its device kind (see <c>FusionPolicy</c>).
    /// </summary>
    public int? Fuse { get; init; }
}
