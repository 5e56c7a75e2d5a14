namespace AeSweep.Core.Definitions;

/// <summary>The autoencoder families AeSweep trains.</summary>
public enum ModelFamily
{
    /// <summary>Fully connected encoder and decoder.</summary>
    Dense,
    /// <summary>Convolutional encoder, transposed-convolution decoder.</summary>
    Conv,
    /// <summary>Dense autoencoder trained noisy → clean.</summary>
    Denoising,
    /// <summary>Dense autoencoder with an activity sparsity penalty on the code.</summary>
    Sparse,
    /// <summary>Variational autoencoder (reparameterization, KL term weighted by beta).</summary>
    Vae,
    /// <summary>Sequence-to-sequence LSTM autoencoder for sequence datasets (last hidden state → code → LSTM decoder).</summary>
    Lstm,
}
