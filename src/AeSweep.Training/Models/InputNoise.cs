using static TorchSharp.torch;

namespace AeSweep.Training.Models;

/// <summary>
/// Input corruption for denoising training (any family): Gaussian noise with standard deviation = level (clamped
/// back to [0, 1] for such data), or masking, which zeroes each input value with probability = level. The model
/// sees the corrupted input and is trained to reproduce the clean one.
/// </summary>
public sealed record InputNoise(string Kind, double Level, bool ClampToUnitInterval)
{
    public bool IsActive => Kind != "none" && Level > 0;

    public Tensor Apply(Tensor clean, Generator generator)
    {
        switch (Kind)
        {
            case "none":
                return clean;
            case "gaussian":
                var noisy = clean + (randn(clean.shape, dtype: clean.dtype, device: clean.device, generator: generator) * Level);
                return ClampToUnitInterval ? noisy.clamp_(0, 1) : noisy;
            case "masking":
                var keep = rand(clean.shape, dtype: clean.dtype, device: clean.device, generator: generator) >= Level;
                return clean * keep;
            default:
                throw new ArgumentException($"Unknown noise '{Kind}' (none, gaussian, masking)");
        }
    }
}
