namespace AeSweep.Storage.Model;

/// <summary>One device of a worker: its kind (<c>cuda</c>, <c>cpu</c>), index, name and memory (null when unknown).</summary>
public sealed record WorkerDevice(string Kind, int Index, string Name, long? MemoryBytes);
