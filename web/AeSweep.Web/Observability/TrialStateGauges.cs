using System.Diagnostics.Metrics;
using AeSweep.Core.Trials;
using AeSweep.Storage;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace AeSweep.Web.Observability;

/// <summary>
/// Trials by state per sweep (meter <c>AeSweep.Web</c>, gauge <c>aesweep.trials</c>). Observable gauges are read
/// synchronously by the exporter, so the counts come from a snapshot this service refreshes every few seconds
/// rather than from a database query inside the scrape.
/// </summary>
public sealed class TrialStateGauges : BackgroundService
{
    public const string MeterName = "AeSweep.Web";

    private static readonly TimeSpan Refresh = TimeSpan.FromSeconds(5);

    private readonly ISweepReadModel _store;
    private readonly ILogger<TrialStateGauges> _logger;
    private readonly Meter _meter = new(MeterName);
    private volatile IReadOnlyList<Measurement<int>> _snapshot = [];

    public TrialStateGauges(ISweepReadModel store, ILogger<TrialStateGauges> logger)
    {
        _store = store;
        _logger = logger;
        _meter.CreateObservableGauge("aesweep.trials", () => _snapshot, unit: "{trial}", description: "Trials per sweep and state");
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Refresh);
        do
        {
            try
            {
                _snapshot = await MeasureAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                _logger.LogWarning("Trial gauges not refreshed: {Message}", ex.Message);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    public override void Dispose()
    {
        _meter.Dispose();
        base.Dispose();
    }

    private async Task<IReadOnlyList<Measurement<int>>> MeasureAsync(CancellationToken cancellationToken)
    {
        var measurements = new List<Measurement<int>>();
        var sweeps = await _store.ListSweepsAsync(0, 200, cancellationToken);
        foreach (var sweep in sweeps.Items)
        {
            var counts = await _store.CountTrialsByStateAsync(sweep.Id, cancellationToken);
            foreach (var state in Enum.GetValues<TrialState>())
            {
                measurements.Add(new Measurement<int>(
                    counts.GetValueOrDefault(state),
                    new KeyValuePair<string, object?>("sweep", sweep.Id),
                    new KeyValuePair<string, object?>("state", state.ToString().ToLowerInvariant())));
            }
        }

        return measurements;
    }
}
