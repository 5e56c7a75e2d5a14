using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using AeSweep.Application.Contracts;

namespace AeSweep.Cli.Remote;

/// <summary>
/// The CLI's side of the REST API (DESIGN.md): every failure becomes a <see cref="RemoteApiException"/> whose message
/// says what to do — an unreachable server, a refused key, an unknown id, or the sweep file's errors with their paths.
/// </summary>
internal sealed partial class AeSweepApiClient : IDisposable
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

    public async Task<SubmittedSweepView> SubmitAsync(string sweepText, CancellationToken cancellationToken)
    {
        var mediaType = sweepText.TrimStart().StartsWith('{') ? "application/json" : "application/yaml";
        using var response = await SendAsync(() => new HttpRequestMessage(HttpMethod.Post, "api/sweeps") { Content = new StringContent(sweepText, Encoding.UTF8, mediaType) }, cancellationToken);
        return await ReadAsync<SubmittedSweepView>(response, "the sweep", cancellationToken);
    }

    public async Task<SweepDetailView> GetSweepAsync(string sweepId, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(() => new HttpRequestMessage(HttpMethod.Get, $"api/sweeps/{Uri.EscapeDataString(sweepId)}"), cancellationToken);
        return await ReadAsync<SweepDetailView>(response, $"sweep '{sweepId}'", cancellationToken);
    }

    public async Task<PageView<SweepView>> ListSweepsAsync(int limit, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(() => new HttpRequestMessage(HttpMethod.Get, $"api/sweeps?limit={limit}"), cancellationToken);
        return await ReadAsync<PageView<SweepView>>(response, "the sweeps", cancellationToken);
    }

    /// <summary>The newest sweeps with their counts per state and best trial so far.</summary>
    public async Task<PageView<SweepProgressView>> ListSweepProgressAsync(int limit, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(() => new HttpRequestMessage(HttpMethod.Get, $"api/sweeps/progress?limit={limit}"), cancellationToken);
        return await ReadAsync<PageView<SweepProgressView>>(response, "the sweeps", cancellationToken);
    }

    /// <summary>The sweep's trials, best objective first.</summary>
    public async Task<PageView<TrialView>> ListTrialsAsync(string sweepId, int limit, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(() => new HttpRequestMessage(HttpMethod.Get, $"api/sweeps/{Uri.EscapeDataString(sweepId)}/trials?sort=objective&limit={limit}"), cancellationToken);
        return await ReadAsync<PageView<TrialView>>(response, $"sweep '{sweepId}'", cancellationToken);
    }

    public async Task<TrialDetailView> GetTrialAsync(string trialId, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(() => new HttpRequestMessage(HttpMethod.Get, $"api/trials/{Uri.EscapeDataString(trialId)}"), cancellationToken);
        return await ReadAsync<TrialDetailView>(response, $"trial '{trialId}'", cancellationToken);
    }

    public async Task<WorkerListView> ListWorkersAsync(CancellationToken cancellationToken)
    {
        using var response = await SendAsync(() => new HttpRequestMessage(HttpMethod.Get, "api/workers"), cancellationToken);
        return await ReadAsync<WorkerListView>(response, "the workers", cancellationToken);
    }

    public async Task<CancelledSweepView> CancelAsync(string sweepId, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(() => new HttpRequestMessage(HttpMethod.Post, $"api/sweeps/{Uri.EscapeDataString(sweepId)}/cancel"), cancellationToken);
        return await ReadAsync<CancelledSweepView>(response, $"sweep '{sweepId}'", cancellationToken);
    }

    public async Task<AskedTrialView> AskAsync(string sweepId, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(() => new HttpRequestMessage(HttpMethod.Post, $"api/sweeps/{Uri.EscapeDataString(sweepId)}/ask"), cancellationToken);
        return await ReadAsync<AskedTrialView>(response, $"sweep '{sweepId}'", cancellationToken);
    }

    public async Task<ToldTrialView> TellAsync(string trialId, TellRequest tell, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(() => new HttpRequestMessage(HttpMethod.Post, $"api/trials/{Uri.EscapeDataString(trialId)}/tell") { Content = JsonContent.Create(tell, options: ContractJson.Options) }, cancellationToken);
        return await ReadAsync<ToldTrialView>(response, $"trial '{trialId}'", cancellationToken);
    }

    /// <summary>Every trial of the sweep (<c>export?format=json</c>).</summary>
    public async Task<SweepExportView> ExportJsonAsync(string sweepId, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(() => new HttpRequestMessage(HttpMethod.Get, $"api/sweeps/{Uri.EscapeDataString(sweepId)}/export?format=json"), cancellationToken);
        return await ReadAsync<SweepExportView>(response, $"sweep '{sweepId}'", cancellationToken);
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

    /// <summary>
    /// Reads an answer into its contract record; a field the record expects but the answer lacks (a renamed field)
    /// is an error, never a silent null.
    /// </summary>
    private async Task<T> ReadAsync<T>(HttpResponseMessage response, string what, CancellationToken cancellationToken)
    {
        await EnsureSuccessAsync(response, what, cancellationToken);
        try
        {
            return await response.Content.ReadFromJsonAsync<T>(ContractJson.Options, cancellationToken)
                ?? throw new JsonException("the answer was null");
        }
        catch (JsonException ex)
        {
            throw new RemoteApiException($"aesweep: {Server} answered with JSON this client does not understand ({typeof(T).Name}: {ex.Message}); are the server and the CLI the same version?", 1);
        }
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
        try
        {
            // Problem details may come from the framework too (no errors), so the fields are optional here.
            var problem = JsonSerializer.Deserialize<ProblemAnswer>(body);
            // An invalid sweep's errors are a list of {path, line, message}; the framework's own 400s use another shape.
            var list = problem?.Errors is { ValueKind: JsonValueKind.Array } array ? array.Deserialize<List<FieldErrorView>>() ?? [] : [];
            var errors = list.Select(e => $"{e.Path}{(e.Line is { } line ? $" (line {line})" : string.Empty)}: {e.Message}").ToList();
            return (problem?.Title, problem?.Detail, errors);
        }
        catch (JsonException)
        {
            return (null, body.Length > 200 ? body[..200] : body, []);
        }
    }

    /// <summary>The parts of an RFC 7807 answer the CLI shows: title, detail and the <c>errors</c> extension.</summary>
    private sealed record ProblemAnswer(
        [property: JsonPropertyName("title")] string? Title,
        [property: JsonPropertyName("detail")] string? Detail,
        [property: JsonPropertyName("errors")] JsonElement? Errors);
}
