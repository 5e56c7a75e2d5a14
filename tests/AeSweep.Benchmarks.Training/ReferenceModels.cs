using static TorchSharp.torch;

namespace AeSweep.Benchmarks.Training;

/// <summary>The two models of ../shared/reference/pytorch_ae.py, layer for layer, as plain TorchSharp Sequentials.</summary>
internal static class ReferenceModels
{
    public static nn.Module<Tensor, Tensor> Create(string model) => model switch
    {
        "dense" => nn.Sequential(
            nn.Linear(784, 256), nn.ReLU(), nn.Linear(256, 64), nn.ReLU(), nn.Linear(64, 32),
            nn.Linear(32, 64), nn.ReLU(), nn.Linear(64, 256), nn.ReLU(), nn.Linear(256, 784), nn.Sigmoid()),
        "conv" => nn.Sequential(
            nn.Unflatten(1, [1, 28, 28]),
            nn.Conv2d(1, 16, 3, stride: 2, padding: 1), nn.ReLU(), nn.Conv2d(16, 32, 3, stride: 2, padding: 1), nn.ReLU(),
            nn.Flatten(), nn.Linear(1568, 32),
            nn.Linear(32, 1568), nn.ReLU(), nn.Unflatten(1, [32, 7, 7]),
            nn.ConvTranspose2d(32, 16, 3, stride: 2, padding: 1, output_padding: 1), nn.ReLU(),
            nn.ConvTranspose2d(16, 1, 3, stride: 2, padding: 1, output_padding: 1), nn.Sigmoid(), nn.Flatten()),
        _ => throw new ArgumentException($"unknown model {model}"),
    };

    /// <summary>The AeSweep parameters that build the same model through the product.</summary>
    public static Dictionary<string, object> Parameters(string model, int epochs) => model switch
    {
        "dense" => new() { ["model"] = "dense", ["depth"] = 2L, ["width_1"] = 256L, ["width_2"] = 64L, ["code_size"] = 32L, ["epochs"] = (long)epochs },
        _ => new() { ["model"] = "conv", ["depth"] = 2L, ["channels"] = 16L, ["code_size"] = 32L, ["epochs"] = (long)epochs },
    };
}
