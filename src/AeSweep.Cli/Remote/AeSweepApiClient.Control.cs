using AeSweep.Application.Contracts;

namespace AeSweep.Cli.Remote;

// Sweep control: pause, resume, budget, enqueue, retry, drain (the routes of ControlApi).
internal sealed partial class AeSweepApiClient
{
    public Task<ControlView> PauseAsync(string sweepId, CancellationToken cancellationToken) =>
        PostControlAsync($"api/sweeps/{Uri.EscapeDataString(sweepId)}/pause", $"sweep '{sweepId}'", cancellationToken);

    public Task<ControlView> ResumeAsync(string sweepId, CancellationToken cancellationToken) =>
        PostControlAsync($"api/sweeps/{Uri.EscapeDataString(sweepId)}/resume", $"sweep '{sweepId}'", cancellationToken);

    public async Task<ControlView> ChangeBudgetAsync(string sweepId, ChangeBudgetRequest budget, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(() => new HttpRequestMessage(HttpMethod.Patch, $"api/sweeps/{Uri.EscapeDataString(sweepId)}")
        {
            Content = JsonContent.Create(new SweepPatchRequest(budget), options: ContractJson.Options),
        }, cancellationToken);
        return await ReadAsync<ControlView>(response, $"sweep '{sweepId}'", cancellationToken);
    }

    public async Task<QueuedTrialView> EnqueueAsync(string sweepId, EnqueueTrialRequest request, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(() => new HttpRequestMessage(HttpMethod.Post, $"api/sweeps/{Uri.EscapeDataString(sweepId)}/trials")
        {
            Content = JsonContent.Create(request, options: ContractJson.Options),
        }, cancellationToken);
        return await ReadAsync<QueuedTrialView>(response, $"sweep '{sweepId}'", cancellationToken);
    }

    public async Task<QueuedTrialView> RetryAsync(string trialId, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(() => new HttpRequestMessage(HttpMethod.Post, $"api/trials/{Uri.EscapeDataString(trialId)}/retry"), cancellationToken);
        return await ReadAsync<QueuedTrialView>(response, $"trial '{trialId}'", cancellationToken);
    }

    public async Task<ControlView> DrainAsync(string workerId, bool drain, CancellationToken cancellationToken)
    {
        var path = $"api/workers/{Uri.EscapeDataString(workerId)}/drain";
        using var response = await SendAsync(() => new HttpRequestMessage(drain ? HttpMethod.Post : HttpMethod.Delete, path), cancellationToken);
        return await ReadAsync<ControlView>(response, $"worker '{workerId}'", cancellationToken);
    }

    private async Task<ControlView> PostControlAsync(string path, string what, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(() => new HttpRequestMessage(HttpMethod.Post, path), cancellationToken);
        return await ReadAsync<ControlView>(response, what, cancellationToken);
    }
}
