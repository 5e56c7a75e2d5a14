using System.Text.Json;
using System.Text.Json.Serialization;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace AeSweep.Training.Checkpoints;

/// <summary>
/// A trial's state after an epoch, enough to continue exactly as if never interrupted: model weights, optimizer
/// state (moments, step counts), the trial's random generator state, and the epoch history. Written to
/// <c>checkpoint.next</c> first and then swapped in, so a crash mid-write leaves the previous checkpoint intact.
/// Tensors are written through TorchSharp's own format, which copies device tensors to the CPU.
/// </summary>
public static class TrainingCheckpoint
{
    private const string ModelFile = "model.dat";
    private const string OptimizerFile = "optimizer.dat";
    private const string GeneratorFile = "generator.dat";
    private const string ProgressFile = "progress.json";

    private static readonly JsonSerializerOptions Json = new()
    {
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        WriteIndented = true,
    };

    public static string Save(string directory, int epoch, nn.Module model, optim.Optimizer optimizer, Generator generator, IReadOnlyList<EpochReport> history)
    {
        var next = directory + ".next";
        if (Directory.Exists(next))
        {
            Directory.Delete(next, recursive: true);
        }

        Directory.CreateDirectory(next);
        model.save(Path.Combine(next, ModelFile));
        ((OptimizerHelper)optimizer).save_state_dict(Path.Combine(next, OptimizerFile));
        using (var state = generator.get_state())
        {
            File.WriteAllBytes(Path.Combine(next, GeneratorFile), state.data<byte>().ToArray());
        }

        // Progress last: its presence marks a complete checkpoint.
        File.WriteAllText(Path.Combine(next, ProgressFile), JsonSerializer.Serialize(new CheckpointProgress(epoch, [.. history]), Json));
        if (Directory.Exists(directory))
        {
            Directory.Delete(directory, recursive: true);
        }

        Directory.Move(next, directory);
        return directory;
    }

    /// <summary>Restores a checkpoint into freshly built objects of the same shape; returns the epochs it had completed.</summary>
    public static CheckpointProgress Load(string directory, nn.Module model, optim.Optimizer optimizer, Generator generator)
    {
        if (!File.Exists(Path.Combine(directory, ProgressFile)) && File.Exists(Path.Combine(directory + ".next", ProgressFile)))
        {
            directory += ".next"; // interrupted between writing the new checkpoint and swapping it in
        }

        var progressPath = Path.Combine(directory, ProgressFile);
        if (!File.Exists(progressPath))
        {
            throw new FileNotFoundException($"No complete checkpoint in {directory}", progressPath);
        }

        var progress = JsonSerializer.Deserialize<CheckpointProgress>(File.ReadAllText(progressPath), Json)
            ?? throw new InvalidDataException($"Unreadable checkpoint progress in {directory}");
        model.load(Path.Combine(directory, ModelFile));
        ((OptimizerHelper)optimizer).load_state_dict(Path.Combine(directory, OptimizerFile));
        using var state = tensor(File.ReadAllBytes(Path.Combine(directory, GeneratorFile)));
        generator.set_state(state);
        return progress;
    }
}
