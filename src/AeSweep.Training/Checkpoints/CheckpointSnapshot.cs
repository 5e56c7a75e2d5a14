using TorchSharp.Modules;
using static TorchSharp.torch;

namespace AeSweep.Training.Checkpoints;

/// <summary>
/// A trial's state at an epoch boundary as plain bytes in memory: model weights, optimizer state, the trial's
/// generator state and the epoch history. Filled on the training thread (a copy of a few MB for these models, so every
/// epoch can afford one); written to disk later, off that thread, by <see cref="CheckpointWriter"/>. The buffers are
/// reused from fill to fill (the writer keeps a few snapshots), so copying every epoch leaves no garbage behind: the
/// large object heap is collected only in full collections, and a fresh few MB per epoch showed as growing RSS.
/// </summary>
internal sealed class CheckpointSnapshot : IDisposable
{
    private readonly MemoryStream _model = new();
    private readonly MemoryStream _optimizer = new();

    public int Epoch { get; private set; }
    public ReadOnlySpan<byte> Model => _model.GetBuffer().AsSpan(0, (int)_model.Length);
    public ReadOnlySpan<byte> Optimizer => _optimizer.GetBuffer().AsSpan(0, (int)_optimizer.Length);
    public byte[] Generator { get; private set; } = [];
    public EpochReport[] History { get; private set; } = [];

    /// <summary>A snapshot of the live objects in new buffers.</summary>
    public static CheckpointSnapshot Capture(int epoch, nn.Module model, optim.Optimizer optimizer, Generator generator, IReadOnlyList<EpochReport> history)
    {
        var snapshot = new CheckpointSnapshot();
        snapshot.Fill(epoch, model, optimizer, generator, history);
        return snapshot;
    }

    public void Dispose()
    {
        _model.Dispose();
        _optimizer.Dispose();
    }

    /// <summary>Copies the live objects' state into this snapshot's buffers (device tensors come to the CPU); call it on the training thread.</summary>
    public void Fill(int epoch, nn.Module model, optim.Optimizer optimizer, Generator generator, IReadOnlyList<EpochReport> history)
    {
        using var nativeWork = TorchRuntime.NativeWork();
        using var scope = NewDisposeScope();
        _model.SetLength(0);
        using (var writer = new BinaryWriter(_model, System.Text.Encoding.UTF8, leaveOpen: true))
        {
            model.save(writer);
        }

        _optimizer.SetLength(0);
        using (var writer = new BinaryWriter(_optimizer, System.Text.Encoding.UTF8, leaveOpen: true))
        {
            ((OptimizerHelper)optimizer).save_state_dict(writer);
        }

        using (var state = generator.get_state())
        {
            Generator = state.data<byte>().ToArray();
        }

        Epoch = epoch;
        History = [.. history];
    }
}
