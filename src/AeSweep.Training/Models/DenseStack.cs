using AeSweep.Core.Catalog;
using static TorchSharp.torch;

namespace AeSweep.Training.Models;

/// <summary>Builds the dense encoder and decoder stacks shared by the dense, sparse, denoising and variational families.</summary>
internal static class DenseStack
{
    /// <summary>features → widths… (activation after each) → code (linear, or sigmoid when asked).</summary>
    public static nn.Module<Tensor, Tensor> Encoder(int features, IReadOnlyList<int> widths, int codeSize, ActivationFunction activation, bool sigmoidCode)
    {
        var layers = Hidden(features, widths, activation);
        layers.Add(nn.Linear(widths.Count > 0 ? widths[^1] : features, codeSize));
        if (sigmoidCode)
        {
            layers.Add(nn.Sigmoid());
        }

        return nn.Sequential(layers);
    }

    /// <summary>features → widths… with the activation after each layer (the VAE adds its own heads).</summary>
    public static nn.Module<Tensor, Tensor> Body(int features, IReadOnlyList<int> widths, ActivationFunction activation) =>
        nn.Sequential(Hidden(features, widths, activation));

    /// <summary>code → widths reversed (activation after each) → features (output activation).</summary>
    public static nn.Module<Tensor, Tensor> Decoder(int features, IReadOnlyList<int> widths, int codeSize, ActivationFunction activation, bool unitIntervalOutput)
    {
        var layers = new List<nn.Module<Tensor, Tensor>>();
        var previous = codeSize;
        for (var i = widths.Count - 1; i >= 0; i--)
        {
            layers.Add(nn.Linear(previous, widths[i]));
            layers.Add(Activations.Create(activation));
            previous = widths[i];
        }

        layers.Add(nn.Linear(previous, features));
        layers.Add(Activations.Output(unitIntervalOutput));
        return nn.Sequential(layers);
    }

    private static List<nn.Module<Tensor, Tensor>> Hidden(int features, IReadOnlyList<int> widths, ActivationFunction activation)
    {
        var layers = new List<nn.Module<Tensor, Tensor>>();
        var previous = features;
        foreach (var width in widths)
        {
            layers.Add(nn.Linear(previous, width));
            layers.Add(Activations.Create(activation));
            previous = width;
        }

        return layers;
    }
}
