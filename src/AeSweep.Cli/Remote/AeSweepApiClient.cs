using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace AeSweep.Cli.Remote;

/// <summary>
/// The CLI's side of the REST API (DESIGN.md): every failure becomes a <see cref="RemoteApiException"/> whose message
/// says what to do — an unreachable server, a refused key, an unknown id, or the sweep file's errors with their paths.
/// </summary>
internal sealed class AeSweepApiClient : IDisposable
{
    private readonly HttpClient _http;

    public AeSweepApiClient(Uri server, string apiKey, HttpMessageHandler? handler = null)
    {
        Server = server;
        _http = handler is null ? new HttpClient() : new HttpClient(handler);
        _http.BaseAddress = server;
        _http.Timeout = TimeSpan.FromSeconds(30);
        _http.DefaultRequestHeaders.Add("X-Api-Key", apiKey);
        _http.DefaultRequestHeaders.UserAgent.Add(new ProductInfoHeaderValue("aesweep-cli", "1.0"));
    }

    public Uri Server { get; }

    public async Task<string> SubmitAsync(string sweepText, CancellationToken cancellationToken)
    {
        var mediaType = sweepText.TrimStart().StartsWith('{') ? "application/json" : "application/yaml";
        using var response = await SendAsync(() => new HttpRequestMessage(HttpMethod.Post, "api/sweeps") { Content = new StringContent(sweepText, Encoding.UTF8, mediaType) }, cancellationToken);
        using var json = await ReadJsonAsync(response, "the sweep", cancellationToken);
        return json.RootElement.GetProperty("id").GetString()!;
    }

    public async Task<JsonDocument> GetSweepAsync(string sweepId, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(() => new HttpRequestMessage(HttpMethod.Get, $"api/sweeps/{Uri.EscapeDataString(sweepId)}"), cancellationToken);
        return await ReadJsonAsync(response, $"sweep '{sweepId}'", cancellationToken);
    }

    public async Task<JsonDocument> ListSweepsAsync(int limit, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(() => new HttpRequestMessage(HttpMethod.Get, $"api/sweeps?limit={limit}"), cancellationToken);
        return await ReadJsonAsync(response, "the sweeps", cancellationToken);
    }

    /// <summary>The sweep's trials, best objective first.</summary>
    public async Task<JsonDocument> ListTrialsAsync(string sweepId, int limit, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(() => new HttpRequestMessage(HttpMethod.Get, $"api/sweeps/{Uri.EscapeDataString(sweepId)}/trials?sort=objective&limit={limit}"), cancellationToken);
        return await ReadJsonAsync(response, $"sweep '{sweepId}'", cancellationToken);
    }

    public async Task CancelAsync(string sweepId, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(() => new HttpRequestMessage(HttpMethod.Post, $"api/sweeps/{Uri.EscapeDataString(sweepId)}/cancel"), cancellationToken);
        await EnsureSuccessAsync(response, $"sweep '{sweepId}'", cancellationToken);
    }

    public async Task ExportAsync(string sweepId, string format, Stream destination, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(() => new HttpRequestMessage(HttpMethod.Get, $"api/sweeps/{Uri.EscapeDataString(sweepId)}/export?format={Uri.EscapeDataString(format)}"), cancellationToken);
        await EnsureSuccessAsync(response, $"sweep '{sweepId}'", cancellationToken);
        await response.Content.CopyToAsync(destination, cancellationToken);
    }

    public void Dispose() => _http.Dispose();

    private async Task<HttpResponseMessage> SendAsync(Func<HttpRequestMessage> request, CancellationToken cancellationToken)
    {
        try
        {
            using var message = request();
            return await _http.SendAsync(message, cancellationToken);
        }
        catch (HttpRequestException ex)
        {
            throw new RemoteApiException($"aesweep: cannot reach {Server}: {ex.Message} (is `aesweep serve` running there? --server or AESWEEP_SERVER names it)", 1);
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new RemoteApiException($"aesweep: {Server} did not answer within {_http.Timeout.TotalSeconds:F0} s", 1);
        }
    }

    private static async Task<JsonDocument> ReadJsonAsync(HttpResponseMessage response, string what, CancellationToken cancellationToken)
    {
        await EnsureSuccessAsync(response, what, cancellationToken);
        return await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync(cancellationToken), cancellationToken: cancellationToken);
    }

    private static async Task EnsureSuccessAsync(HttpResponseMessage response, string what, CancellationToken cancellationToken)
    {
        if (response.IsSuccessStatusCode)
        {
            return;
        }

        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        var (title, detail, errors) = ReadProblem(body);
        throw response.StatusCode switch
        {
            HttpStatusCode.Unauthorized => new RemoteApiException("aesweep: the server refused the API key (401): pass the right one with --api-key or AESWEEP_API_KEY", 1),
            HttpStatusCode.NotFound => new RemoteApiException($"aesweep: {what} was not found on the server (404){(detail is null ? string.Empty : ": " + detail)}", 2),
            HttpStatusCode.BadRequest when errors.Count > 0 => new RemoteApiException(string.Join(Environment.NewLine, errors), 2),
            _ => new RemoteApiException($"aesweep: the server answered {(int)response.StatusCode} {title ?? response.ReasonPhrase}{(detail is null ? string.Empty : ": " + detail)}", (int)response.StatusCode < 500 ? 2 : 1),
        };
    }

    private static (string? Title, string? Detail, List<string> Errors) ReadProblem(string body)
    {
        var errors = new List<string>();
        try
        {
            using var json = JsonDocument.Parse(body);
            var root = json.RootElement;
            if (root.TryGetProperty("errors", out var list) && list.ValueKind == JsonValueKind.Array)
            {
                foreach (var error in list.EnumerateArray())
                {
                    var path = error.TryGetProperty("path", out var p) ? p.GetString() : null;
                    var line = error.TryGetProperty("line", out var l) && l.ValueKind == JsonValueKind.Number ? $" (line {l.GetInt32()})" : string.Empty;
                    errors.Add($"{path}{line}: {(error.TryGetProperty("message", out var m) ? m.GetString() : error.ToString())}");
                }
            }

            return (root.TryGetProperty("title", out var t) ? t.GetString() : null, root.TryGetProperty("detail", out var d) ? d.GetString() : null, errors);
        }
        catch (JsonException)
        {
            return (null, body.Length > 200 ? body[..200] : body, errors);
        }
    }
}
