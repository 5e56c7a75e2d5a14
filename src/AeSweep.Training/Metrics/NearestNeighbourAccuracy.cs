using static TorchSharp.torch;

namespace AeSweep.Training.Metrics;

/// <summary>
/// k-nearest-neighbour classification on codes: each query code takes the majority label of its <see cref="K"/>
/// nearest reference codes (Euclidean distance; a tied vote goes to the tied class with the nearer neighbour), and
/// the accuracy is the share of queries whose vote matches their own label.
/// </summary>
public static class NearestNeighbourAccuracy
{
    /// <summary>Neighbours that vote (fewer when the reference set is smaller).</summary>
    public const int K = 10;

    // Query rows per distance block: a block of 1,000 × 10,000 distances is 40 MB.
    private const int QueryBlock = 1000;

    /// <summary>Accuracy of k-NN with <paramref name="reference"/> codes and labels on <paramref name="queries"/> and their labels.</summary>
    public static double Measure(Tensor reference, Tensor referenceLabels, Tensor queries, Tensor queryLabels, int classes)
    {
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(queries);
        using var noGrad = no_grad();
        using var scope = NewDisposeScope();
        var k = (int)Math.Min(K, reference.shape[0]);
        var referenceOnDevice = referenceLabels.to(reference.device);
        var queryLabelsOnDevice = queryLabels.to(queries.device);
        // Neighbour r of k adds 1 + (k − r)·1e-3 to its class: a plain majority, with ties broken toward the nearer.
        var weights = (ones(k, dtype: ScalarType.Float64, device: reference.device) + (arange(k, 0, -1, dtype: ScalarType.Float64, device: reference.device) * 1e-3)).unsqueeze(0);
        var correct = zeros(1, dtype: ScalarType.Int64, device: queries.device);
        for (long start = 0; start < queries.shape[0]; start += QueryBlock)
        {
            using var blockScope = NewDisposeScope();
            var block = queries.narrow(0, start, Math.Min(QueryBlock, queries.shape[0] - start));
            var distances = cdist(block, reference);
            var (_, nearest) = distances.topk(k, dim: 1, largest: false, sorted: true);
            var neighbourLabels = referenceOnDevice.index_select(0, nearest.flatten()).reshape(nearest.shape);
            var votes = zeros([block.shape[0], classes], dtype: ScalarType.Float64, device: reference.device)
                .scatter_add_(1, neighbourLabels, weights.expand(block.shape[0], k));
            var predicted = votes.argmax(1);
            correct.add_(predicted.eq(queryLabelsOnDevice.narrow(0, start, block.shape[0])).sum());
        }

        return correct.item<long>() / (double)queries.shape[0];
    }
}
