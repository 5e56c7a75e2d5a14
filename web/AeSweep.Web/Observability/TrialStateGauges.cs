using System.Diagnostics.Metrics;
using AeSweep.Application;
using AeSweep.Core.Trials;
using AeSweep.Web.Live;
using Microsoft.Extensions.Hosting;

namespace AeSweep.Web.Observability;

/// <summary>
/// Trials by state per sweep (meter <c>AeSweep.Web</c>, gauge <c>aesweep.trials</c>). Observable gauges are read
/// synchronously by the exporter, so the counts come from a snapshot refreshed through the sweep list query whenever
/// the live-refresh service says something changed, rather than from a database query inside the scrape.
/// </summary>
public sealed class TrialStateGauges : IHostedService, IDisposable
{
    public const string MeterName = "AeSweep.Web";

    /// <summary>The sweeps measured (newest first).</summary>
    private const int Measured = 200;

    private readonly ISweepQueries _queries;
    private readonly LiveRefresh _live;
    private readonly Meter _meter = new(MeterName);
    private readonly CancellationTokenSource _stopping = new();
    private volatile IReadOnlyList<Measurement<int>> _snapshot = [];
    private IDisposable? _subscription;

    public TrialStateGauges(ISweepQueries queries, LiveRefresh live)
    {
        _queries = queries;
        _live = live;
        _meter.CreateObservableGauge("aesweep.trials", () => _snapshot, unit: "{trial}", description: "Trials per sweep and state");
    }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        // A failed measurement is logged by the live-refresh service; the next change or safety tick measures again.
        _subscription = _live.Subscribe(LiveTopic.Everything, () => MeasureAsync(_stopping.Token));
        _live.RefreshAll();
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        _subscription?.Dispose();
        _stopping.Cancel();
        return Task.CompletedTask;
    }

    public void Dispose()
    {
        _subscription?.Dispose();
        _stopping.Dispose();
        _meter.Dispose();
    }

    private async Task MeasureAsync(CancellationToken cancellationToken)
    {
        var measurements = new List<Measurement<int>>();
        var sweeps = await _queries.ListSweepProgressAsync(new PageRequest(0, Measured), cancellationToken);
        foreach (var sweep in sweeps.Items)
        {
            foreach (var state in Enum.GetValues<TrialState>())
            {
                var name = ContractMapping.Name(state);
                measurements.Add(new Measurement<int>(
                    sweep.Counts.GetValueOrDefault(name),
                    new KeyValuePair<string, object?>("sweep", sweep.Sweep.Id),
                    new KeyValuePair<string, object?>("state", name)));
            }
        }

        _snapshot = measurements;
    }
}
