using static TorchSharp.torch;

namespace AeSweep.Training.Metrics;

/// <summary>
/// The linear probe: a multinomial logistic regression trained on frozen codes, standardised with the training codes'
/// mean and standard deviation, then scored by accuracy on other codes. Full-batch L-BFGS from zero weights, at most
/// <see cref="MaxIterations"/> iterations, with a small L2 penalty (<see cref="L2"/>) so that separable codes still give
/// a bounded solution: deterministic, and the same for every trial and for the PCA baseline.
/// </summary>
public static class LinearProbe
{
    /// <summary>L-BFGS iterations at most (each is one full pass over at most 10,000 codes).</summary>
    public const int MaxIterations = 200;

    /// <summary>The L2 penalty on the weights (not the biases), added to the mean cross-entropy.</summary>
    public const double L2 = 1e-4;

    /// <summary>Accuracy on (<paramref name="queries"/>, <paramref name="queryLabels"/>) of a probe fitted on (<paramref name="train"/>, <paramref name="trainLabels"/>).</summary>
    public static double Measure(Tensor train, Tensor trainLabels, Tensor queries, Tensor queryLabels, int classes)
    {
        ArgumentNullException.ThrowIfNull(train);
        ArgumentNullException.ThrowIfNull(queries);
        using var scope = NewDisposeScope();
        var device = train.device;
        var x = train.detach().to_type(ScalarType.Float32);
        var mean = x.mean([0], keepdim: true);
        var std = x.std([0], keepdim: true);
        std = where(std > 1e-8, std, ones_like(std));
        x = (x - mean) / std;
        var y = trainLabels.to(device);
        var weights = new TorchSharp.Modules.Parameter(zeros([x.shape[1], classes], device: device));
        var bias = new TorchSharp.Modules.Parameter(zeros([classes], device: device));
        // lr, max_iter, max_eval, gradient and change tolerances, history (positional: TorchSharp spells one name differently).
        using (var optimizer = optim.LBFGS([weights, bias], 1, MaxIterations, MaxIterations * 5 / 4, 1e-6, 1e-9, 20))
        {
            Tensor Objective()
            {
                optimizer.zero_grad();
                var loss = nn.functional.cross_entropy(x.matmul(weights) + bias, y) + (L2 * weights.square().sum());
                loss.backward();
                return loss;
            }

            optimizer.step(Objective);
        }

        using var noGrad = no_grad();
        var q = (queries.detach().to_type(ScalarType.Float32) - mean) / std;
        var predicted = (q.matmul(weights) + bias).argmax(1);
        return predicted.eq(queryLabels.to(device)).sum().item<long>() / (double)queries.shape[0];
    }
}
