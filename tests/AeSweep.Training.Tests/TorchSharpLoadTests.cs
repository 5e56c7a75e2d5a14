using TorchSharp;

namespace AeSweep.Training.Tests;

public sealed class TorchSharpLoadTests
{
    [Fact]
    public void TorchSharp_loads_its_native_library_and_multiplies_matrices()
    {
        using var a = torch.ones(2, 3);
        using var b = torch.ones(3, 4);
        using var c = torch.matmul(a, b);

        Assert.Equal(new long[] { 2, 4 }, c.shape);
        Assert.Equal(3f, c[1, 2].item<float>());
    }
}
