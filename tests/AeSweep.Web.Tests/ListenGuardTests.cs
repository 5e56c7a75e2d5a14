using System.Net;
using System.Net.Sockets;

namespace AeSweep.Web.Tests;

/// <summary>
/// The loopback-only rule holds whichever way Kestrel is told where to listen, not only --urls: configuration's
/// Kestrel:Endpoints (the environment variable Kestrel__Endpoints__x__Url is the same key) and its urls setting.
/// </summary>
public sealed class ListenGuardTests
{
    [Theory]
    [InlineData("--Kestrel:Endpoints:x:Url=http://0.0.0.0:{port}")]
    [InlineData("--Kestrel:Endpoints:Public:Url=http://[::]:{port}")]
    [InlineData("--Kestrel:Endpoints:Lan:Url=http://*:{port}")]
    public void A_kestrel_endpoint_beyond_loopback_is_refused_without_credentials(string setting)
    {
        var port = FreePort();
        var folder = Directory.CreateTempSubdirectory("aesweep-listen-").FullName;
        try
        {
            var settings = new WebServerSettings { Urls = ["http://127.0.0.1:0"], DataDirectory = folder, Slots = 0 };

            var refusal = Assert.Throws<WebServerConfigurationException>(() => AeSweepWebServer.Build(settings, [setting.Replace("{port}", port.ToString(), StringComparison.Ordinal)]));

            Assert.Contains($":{port}", refusal.Message, StringComparison.Ordinal);
            Assert.Contains("AESWEEP_ADMIN_PASSWORD", refusal.Message, StringComparison.Ordinal);
            // Nothing listens there.
            using var probe = new TcpClient();
            Assert.ThrowsAny<SocketException>(() => probe.Connect(IPAddress.Loopback, port));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task A_loopback_kestrel_endpoint_is_served()
    {
        var port = FreePort();
        await using var server = await OwnServer.StartAsync(null, $"--Kestrel:Endpoints:x:Url=http://127.0.0.1:{port}");

        Assert.Equal(port, server.BaseAddress.Port);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
