using static TorchSharp.torch;

namespace AeSweep.Training.Models;

/// <summary>The catalog's activation names as modules.</summary>
public static class Activations
{
    public static nn.Module<Tensor, Tensor> Create(string name) => name switch
    {
        "relu" => nn.ReLU(),
        "leaky_relu" => nn.LeakyReLU(0.01),
        "elu" => nn.ELU(),
        "gelu" => nn.GELU(),
        "silu" => nn.SiLU(),
        "tanh" => nn.Tanh(),
        "sigmoid" => nn.Sigmoid(),
        _ => throw new ArgumentException($"Unknown activation '{name}' (relu, leaky_relu, elu, gelu, silu, tanh, sigmoid)"),
    };

    /// <summary>The output layer's activation: sigmoid for data in [0, 1], none (identity) otherwise.</summary>
    public static nn.Module<Tensor, Tensor> Output(bool unitInterval) => unitInterval ? nn.Sigmoid() : nn.Identity();
}
