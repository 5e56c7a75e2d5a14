using TorchSharp.Modules;
using static TorchSharp.torch;

namespace AeSweep.Training.Checkpoints;

/// <summary>
/// A trial's state at an epoch boundary as plain bytes in memory: model weights, optimizer state, the trial's
/// generator state and the epoch history. Taken on the training thread (a copy of a few MB for these models, so every
/// epoch can afford one); written to disk later, off that thread, by <see cref="CheckpointWriter"/>.
/// </summary>
internal sealed class CheckpointSnapshot
{
    private CheckpointSnapshot(int epoch, byte[] model, byte[] optimizer, byte[] generator, EpochReport[] history)
    {
        Epoch = epoch;
        Model = model;
        Optimizer = optimizer;
        Generator = generator;
        History = history;
    }

    public int Epoch { get; }
    public byte[] Model { get; }
    public byte[] Optimizer { get; }
    public byte[] Generator { get; }
    public EpochReport[] History { get; }

    /// <summary>Copies the live objects' state (device tensors come to the CPU); call it on the training thread.</summary>
    public static CheckpointSnapshot Capture(int epoch, nn.Module model, optim.Optimizer optimizer, Generator generator, IReadOnlyList<EpochReport> history)
    {
        using var nativeWork = TorchRuntime.NativeWork();
        using var scope = NewDisposeScope();
        byte[] modelBytes;
        using (var stream = new MemoryStream())
        {
            using (var writer = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true))
            {
                model.save(writer);
            }

            modelBytes = stream.ToArray();
        }

        byte[] optimizerBytes;
        using (var stream = new MemoryStream())
        {
            using (var writer = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true))
            {
                ((OptimizerHelper)optimizer).save_state_dict(writer);
            }

            optimizerBytes = stream.ToArray();
        }

        byte[] generatorBytes;
        using (var state = generator.get_state())
        {
            generatorBytes = state.data<byte>().ToArray();
        }

        return new CheckpointSnapshot(epoch, modelBytes, optimizerBytes, generatorBytes, [.. history]);
    }
}
