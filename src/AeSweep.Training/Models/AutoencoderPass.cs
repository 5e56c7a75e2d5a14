using static TorchSharp.torch;

namespace AeSweep.Training.Models;

/// <summary>One training pass: the reconstruction, the code, and the KL term of a VAE (null otherwise).</summary>
public sealed record AutoencoderPass(Tensor Reconstruction, Tensor Code, Tensor? KlDivergence);
