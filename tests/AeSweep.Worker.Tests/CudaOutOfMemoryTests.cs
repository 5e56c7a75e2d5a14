using System.Runtime.InteropServices;
using AeSweep.Worker.Devices;

namespace AeSweep.Worker.Tests;

public sealed class CudaOutOfMemoryTests
{
    [Fact]
    public void Recognises_libtorchs_out_of_memory_error_however_torchsharp_wraps_it()
    {
        const string Message = "CUDA out of memory. Tried to allocate 2.00 GiB. GPU 0 has a total capacity of 139.72 GiB of which 1.21 GiB is free.";

        Assert.True(CudaOutOfMemory.IsCause(new ExternalException(Message)));
        Assert.True(CudaOutOfMemory.IsCause(new InvalidOperationException("epoch 3 failed", new ExternalException(Message))));
        Assert.True(CudaOutOfMemory.IsCause(new AggregateException(new ExternalException(Message))));
        Assert.True(CudaOutOfMemory.IsCause("ExternalException: " + Message));
        Assert.True(CudaOutOfMemory.IsCause("CUDA error: out of memory"));
    }

    [Fact]
    public void Other_errors_are_not_out_of_memory()
    {
        Assert.False(CudaOutOfMemory.IsCause(new ExternalException("CUDA error: device-side assert triggered")));
        Assert.False(CudaOutOfMemory.IsCause((string?)null));
        Assert.False(CudaOutOfMemory.IsCause(new OutOfMemoryException("managed heap")));
    }
}
