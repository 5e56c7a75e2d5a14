namespace AeSweep.Storage.Model;

/// <summary>
/// One device of a worker: its kind (<c>cuda</c>, <c>cpu</c>), index, name, total memory and memory in use (null when
/// unknown, e.g. on the CPU), in bytes.
/// </summary>
public sealed record WorkerDevice(string Kind, int Index, string Name, long? MemoryBytes, long? MemoryUsedBytes = null);
