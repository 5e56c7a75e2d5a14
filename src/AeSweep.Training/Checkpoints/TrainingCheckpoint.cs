using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace AeSweep.Training.Checkpoints;

/// <summary>
/// A trial's state after an epoch, enough to continue exactly as if never interrupted: model weights, optimizer
/// state (moments, step counts), the trial's random generator state, and the epoch history. One file,
/// <c>trial.ckpt</c>, in the checkpoint directory: written under a unique temporary name, flushed to disk and renamed
/// over the previous one, so a crash mid-write (or a second writer, e.g. an attempt that lost its lease) never leaves
/// a torn checkpoint. Directories written before this format (model.dat, optimizer.dat, ...) are still read.
/// </summary>
public static class TrainingCheckpoint
{
    private const string StateFile = "trial.ckpt";
    private const string TemporarySuffix = ".tmp";
    private const string Magic = "AESWEEP-CHECKPOINT";
    private const int FormatVersion = 1;

    // The directory format of earlier versions, read on resume.
    private const string ModelFile = "model.dat";
    private const string OptimizerFile = "optimizer.dat";
    private const string GeneratorFile = "generator.dat";
    private const string ProgressFile = "progress.json";

    private static readonly JsonSerializerOptions Json = new()
    {
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    /// <summary>Writes the live objects' state now, on the calling thread (the trainer writes through <see cref="CheckpointWriter"/>).</summary>
    public static string Save(string directory, int epoch, nn.Module model, optim.Optimizer optimizer, Generator generator, IReadOnlyList<EpochReport> history)
    {
        using var snapshot = CheckpointSnapshot.Capture(epoch, model, optimizer, generator, history);
        Write(directory, snapshot);
        return directory;
    }

    /// <summary>Writes a snapshot atomically into <paramref name="directory"/>; safe on any thread (no tensors involved).</summary>
    internal static void Write(string directory, CheckpointSnapshot snapshot)
    {
        Directory.CreateDirectory(directory);
        var temporary = Path.Combine(directory, $"{StateFile}.{Guid.NewGuid():N}{TemporarySuffix}");
        try
        {
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16))
            {
                using (var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true))
                {
                    writer.Write(Magic);
                    writer.Write(FormatVersion);
                    writer.Write(JsonSerializer.Serialize(new CheckpointProgress(snapshot.Epoch, [.. snapshot.History]), Json));
                    WriteBlock(writer, snapshot.Model);
                    WriteBlock(writer, snapshot.Optimizer);
                    WriteBlock(writer, snapshot.Generator);
                }

                stream.Flush(flushToDisk: true);
            }

            File.Move(temporary, Path.Combine(directory, StateFile), overwrite: true);
        }
        catch
        {
            File.Delete(temporary);
            throw;
        }
    }

    /// <summary>Removes temporary files a killed writer left behind.</summary>
    internal static void DeleteUnfinished(string directory)
    {
        if (!Directory.Exists(directory))
        {
            return;
        }

        foreach (var file in Directory.EnumerateFiles(directory, StateFile + ".*" + TemporarySuffix))
        {
            try
            {
                File.Delete(file);
            }
            catch (IOException)
            {
                // Another writer still has it open; its own rename or cleanup removes it.
            }
        }
    }

    /// <summary>The epoch of the checkpoint in <paramref name="directory"/>, or null when it holds none.</summary>
    public static int? EpochIn(string directory)
    {
        var file = Path.Combine(directory, StateFile);
        if (!File.Exists(file))
        {
            return null;
        }

        using var reader = new BinaryReader(File.OpenRead(file), Encoding.UTF8);
        return ReadProgress(reader, directory).Epoch;
    }

    /// <summary>Restores a checkpoint into freshly built objects of the same shape; returns the epochs it had completed.</summary>
    public static CheckpointProgress Load(string directory, nn.Module model, optim.Optimizer optimizer, Generator generator)
    {
        var file = Path.Combine(directory, StateFile);
        if (!File.Exists(file))
        {
            return LoadDirectoryFormat(directory, model, optimizer, generator);
        }

        using var reader = new BinaryReader(File.OpenRead(file), Encoding.UTF8);
        var progress = ReadProgress(reader, directory);
        using (var modelReader = new BinaryReader(new MemoryStream(ReadBlock(reader))))
        {
            model.load(modelReader);
        }

        using (var optimizerReader = new BinaryReader(new MemoryStream(ReadBlock(reader))))
        {
            ((OptimizerHelper)optimizer).load_state_dict(optimizerReader);
        }

        using var state = tensor(ReadBlock(reader));
        generator.set_state(state);
        return progress;
    }

    private static CheckpointProgress ReadProgress(BinaryReader reader, string directory)
    {
        if (reader.ReadString() != Magic || reader.ReadInt32() != FormatVersion)
        {
            throw new InvalidDataException($"{Path.Combine(directory, StateFile)} is not a checkpoint this build can read");
        }

        return JsonSerializer.Deserialize<CheckpointProgress>(reader.ReadString(), Json)
            ?? throw new InvalidDataException($"Unreadable checkpoint progress in {directory}");
    }

    private static void WriteBlock(BinaryWriter writer, ReadOnlySpan<byte> block)
    {
        writer.Write(block.Length);
        writer.Write(block);
    }

    private static byte[] ReadBlock(BinaryReader reader)
    {
        var length = reader.ReadInt32();
        var block = reader.ReadBytes(length);
        return block.Length == length ? block : throw new EndOfStreamException("checkpoint file is truncated");
    }

    private static CheckpointProgress LoadDirectoryFormat(string directory, nn.Module model, optim.Optimizer optimizer, Generator generator)
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
