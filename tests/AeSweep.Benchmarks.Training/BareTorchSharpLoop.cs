using System.Diagnostics;
using AeSweep.Training.Data;
using static TorchSharp.torch;

namespace AeSweep.Benchmarks.Training;

/// <summary>
/// Way (b): the reference script's loop written directly in TorchSharp — full training set resident as one float
/// tensor, randperm, index, Adam 1e-3, MSE, batch 256 — with a dispose scope per batch and nothing else.
/// </summary>
internal static class BareTorchSharpLoop
{
    public static BenchmarkResult Run(string model, int epochs, int threads, int? limit = null)
    {
        set_num_threads(threads);
        random.manual_seed(0);
        using var full = Load(FashionMnist.TrainImages);
        using var x = full.narrow(0, 0, Math.Min(full.shape[0], limit ?? int.MaxValue));
        using var xt = Load(FashionMnist.TestImages);
        using var net = ReferenceModels.Create(model);
        using var optimizer = optim.Adam(net.parameters(), 1e-3);
        var count = x.shape[0];
        var seconds = 0.0;
        var last = double.NaN;
        for (var epoch = 0; epoch < epochs; epoch++)
        {
            var started = Stopwatch.GetTimestamp();
            using var permutation = randperm(count);
            for (long i = 0; i < count; i += 256)
            {
                using var scope = NewDisposeScope();
                var batch = x.index_select(0, permutation.narrow(0, i, Math.Min(256, count - i)));
                optimizer.zero_grad();
                var loss = nn.functional.mse_loss(net.call(batch), batch);
                loss.backward();
                optimizer.step();
                if (i + 256 >= count)
                {
                    last = loss.item<float>();
                }
            }

            seconds += Stopwatch.GetElapsedTime(started).TotalSeconds;
        }

        double test;
        using (no_grad())
        using (var scope = NewDisposeScope())
        {
            test = nn.functional.mse_loss(net.call(xt), xt).item<float>();
        }

        return new BenchmarkResult("bare", model, epochs, threads, count * epochs / seconds, seconds, PeakMemory.PeakMb(), last, test);
    }

    private static Tensor Load(string path)
    {
        var file = IdxReader.Read(path);
        using var bytes = tensor(file.Values, [file.Count, file.ItemSize]);
        return bytes.to_type(ScalarType.Float32).div_(255f);
    }
}
