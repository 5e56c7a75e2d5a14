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
/// A finished sweep's series are kept for <see cref="FinishedSweepRetention"/> after it finishes (so a scrape sees its
/// final counts) and then dropped: every sweep ever run would otherwise stay a label value forever, and Prometheus'
/// cost grows with the number of series, not with their values.
/// </summary>
public sealed class TrialStateGauges : IHostedService, IDisposable
{
    public const string MeterName = "AeSweep.Web";

    /// <summary>How long a finished sweep's series stay exported after it finishes.</summary>
    public static readonly TimeSpan FinishedSweepRetention = TimeSpan.FromMinutes(15);

    /// <summary>The sweeps looked at (newest first): a bound on the series even with many sweeps running at once.</summary>
    private const int Measured = 200;

    private readonly ISweepQueries _queries;
    private readonly LiveRefresh _live;
    private readonly TimeProvider _time;
    private readonly Meter _meter;
    private readonly CancellationTokenSource _stopping = new();
    private volatile IReadOnlyList<Measurement<int>> _snapshot = [];
    private IDisposable? _subscription;

    /// <param name="queries">Where the counts come from.</param>
    /// <param name="live">Says when something changed.</param>
    /// <param name="time">The clock that ages finished sweeps out.</param>
    /// <param name="meterName">The meter's name; another than <see cref="MeterName"/> keeps a second instance (a test's) out of the export.</param>
    public TrialStateGauges(ISweepQueries queries, LiveRefresh live, TimeProvider time, string meterName = MeterName)
    {
        _meter = new Meter(meterName);
        _queries = queries;
        _live = live;
        _time = time;
        _meter.CreateObservableGauge("aesweep.trials", () => _snapshot, unit: "{trial}", description: "Trials per sweep and state");
    }

    /// <summary>The measurements the next scrape reads: one per measured sweep and trial state.</summary>
    public IReadOnlyList<Measurement<int>> Current => _snapshot;

    /// <summary>Measures now (the live-refresh service also calls this on every change and safety tick).</summary>
    public Task MeasureNowAsync(CancellationToken cancellationToken) => MeasureAsync(cancellationToken);

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
        var now = _time.GetUtcNow();
        foreach (var sweep in sweeps.Items.Where(s => s.Sweep.FinishedAt is not { } finished || now - finished < FinishedSweepRetention))
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
