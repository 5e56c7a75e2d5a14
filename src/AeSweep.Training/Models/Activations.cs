using AeSweep.Core.Catalog;
using static TorchSharp.torch;

namespace AeSweep.Training.Models;

/// <summary>The catalog's activation names as modules.</summary>
public static class Activations
{
    public static nn.Module<Tensor, Tensor> Create(ActivationFunction name) => name switch
    {
        ActivationFunction.Relu => nn.ReLU(),
        ActivationFunction.LeakyRelu => nn.LeakyReLU(0.01),
        ActivationFunction.Elu => nn.ELU(),
        ActivationFunction.Gelu => nn.GELU(),
        ActivationFunction.Silu => nn.SiLU(),
        ActivationFunction.Tanh => nn.Tanh(),
        ActivationFunction.Sigmoid => nn.Sigmoid(),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "not an activation"),
    };

    /// <summary>The output layer's activation: sigmoid for data in [0, 1], none (identity) otherwise.</summary>
    public static nn.Module<Tensor, Tensor> Output(bool unitInterval) => unitInterval ? nn.Sigmoid() : nn.Identity();
}
