using System.CommandLine;
using System.Net;
using AeSweep.Cli.Remote;

namespace AeSweep.Cli.Commands;

/// <summary>The options of the remote verbs: which server, which key.</summary>
internal static class RemoteOptions
{
    public const string DefaultServer = "http://127.0.0.1:5080";

    public static Option<string?> Server() => new("--server")
    {
        Description = $"The AeSweep server's address (default: $AESWEEP_SERVER, else {DefaultServer}).",
        DefaultValueFactory = _ => Environment.GetEnvironmentVariable("AESWEEP_SERVER") is { Length: > 0 } env ? env : null,
    };

    public static Option<string?> ApiKey() => new("--api-key")
    {
        Description = "API key (default: $AESWEEP_API_KEY; for a server on loopback, DATA/api-key written by aesweep serve).",
        DefaultValueFactory = _ => Environment.GetEnvironmentVariable("AESWEEP_API_KEY") is { Length: > 0 } env ? env : null,
    };

    /// <summary>A client for the server, or an error line naming what is missing or malformed.</summary>
    public static AeSweepApiClient? Connect(string? server, string? apiKey, DirectoryInfo data, out string? error)
    {
        error = null;
        var address = server ?? DefaultServer;
        if (!Uri.TryCreate(address.EndsWith('/') ? address : address + "/", UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            error = $"aesweep: --server must be an http(s) URL such as {DefaultServer}, not '{address}'";
            return null;
        }

        var key = apiKey;
        var keyFile = Path.Combine(data.FullName, "api-key");
        if (key is null && IsLoopback(uri) && File.Exists(keyFile))
        {
            key = File.ReadAllText(keyFile).Trim();
        }

        if (string.IsNullOrEmpty(key))
        {
            error = $"aesweep: no API key: pass --api-key or set AESWEEP_API_KEY{(IsLoopback(uri) ? $" (or run where {keyFile} exists)" : string.Empty)}";
            return null;
        }

        return new AeSweepApiClient(uri, key);
    }

    private static bool IsLoopback(Uri uri) =>
        uri.IsLoopback || (IPAddress.TryParse(uri.Host.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip));
}
