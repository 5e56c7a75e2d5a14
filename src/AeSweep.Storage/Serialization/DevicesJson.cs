using System.Text.Json;
using AeSweep.Storage.Model;

namespace AeSweep.Storage.Serialization;

/// <summary>A worker's device inventory as a JSON array (camelCase, as the REST API shows it).</summary>
internal static class DevicesJson
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    public static string Write(IReadOnlyList<WorkerDevice> devices) => JsonSerializer.Serialize(devices, Options);

    public static IReadOnlyList<WorkerDevice> Read(string json) =>
        JsonSerializer.Deserialize<List<WorkerDevice>>(json, Options) ?? [];
}
