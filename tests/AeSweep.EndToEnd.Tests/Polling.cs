using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace AeSweep.EndToEnd.Tests;

/// <summary>Waiting on real processes: poll a probe until it yields, with a timeout that names what never happened.</summary>
internal static class Polling
{
    public static Task<T> WaitForAsync<T>(Func<Task<T?>> probe, TimeSpan timeout, string failure)
        where T : class => WaitForAsync(probe, timeout, () => failure);

    /// <summary>As above, with the failure message built when the wait fails (e.g. to include output seen until then).</summary>
    public static async Task<T> WaitForAsync<T>(Func<Task<T?>> probe, TimeSpan timeout, Func<string> failure)
        where T : class
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < timeout)
        {
            if (await probe() is { } value)
            {
                return value;
            }

            await Task.Delay(200);
        }

        throw new TimeoutException(failure());
    }

    /// <summary>The result, or null while the database does not exist or is not migrated yet.</summary>
    public static async Task<T?> TryAsync<T>(Func<Task<T>> action)
        where T : class
    {
        try
        {
            return await action();
        }
        catch (Exception)
        {
            return null;
        }
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
