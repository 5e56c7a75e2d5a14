namespace AeSweep.Storage.Model;

/// <summary>A worker announcing itself: id, host, devices and how many trials it runs at once.</summary>
public sealed record WorkerRegistration(string Id, string Host, IReadOnlyList<WorkerDevice> Devices, int Slots);
