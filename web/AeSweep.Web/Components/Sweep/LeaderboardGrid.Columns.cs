using System.Text.Json;
using AeSweep.Core.Catalog;
using AeSweep.Web.Dashboard;
using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;

namespace AeSweep.Web.Components.Sweep;

/// <summary>
/// The leaderboard's column model and chooser: the columns come from <see cref="LeaderboardColumns"/> (a stable order),
/// the hidden ones are remembered per sweep in the browser's localStorage (<c>aesweep.leaderboard.hidden.SWEEP_ID</c>).
/// When the set of columns changes (a conditional parameter or an optional metric appears) the grid is rebuilt
/// (<c>@key</c>), because a data grid appends a column registered late at its end.
/// </summary>
public partial class LeaderboardGrid
{
    private const string StoragePrefix = "aesweep.leaderboard.hidden.";
    private IReadOnlyList<LeaderboardColumn> _columns = [];
    private string _signature = "";
    private IReadOnlySet<string> _hidden = new HashSet<string>(StringComparer.Ordinal);
    private bool _hiddenLoaded;

    [Inject] private IJSRuntime JS { get; set; } = null!;

    /// <summary>The sweep's ranking metric: the objective column, third after number and state.</summary>
    [Parameter] public string? ObjectiveMetric { get; set; }

    /// <summary>The sweep whose leaderboard this is (the chooser remembers hidden columns per sweep).</summary>
    [Parameter] public string? SweepId { get; set; }

    /// <summary>The columns in order, as the grid renders them (for tests and the chooser).</summary>
    public IReadOnlyList<LeaderboardColumn> Columns => _columns;

    protected override void OnParametersSet()
    {
        var optional = LeaderboardColumns.KnownMetrics.Where(LeaderboardColumns.IsOptional)
            .Where(metric => HasOptional(metric))
            .ToHashSet(StringComparer.Ordinal);
        _columns = LeaderboardColumns.Build(ObjectiveMetric, optional, Parameters);
        _signature = LeaderboardColumns.Signature(_columns);
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (_hiddenLoaded || SweepId is null)
        {
            return;
        }

        _hiddenLoaded = true;
        try
        {
            var stored = await JS.InvokeAsync<string?>("localStorage.getItem", StoragePrefix + SweepId);
            if (stored is { Length: > 0 and <= 20_000 } && JsonSerializer.Deserialize<List<string>>(stored) is { } keys)
            {
                _hidden = keys.ToHashSet(StringComparer.Ordinal);
                StateHasChanged();
            }
        }
        catch (Exception ex) when (ex is JSException or JsonException or InvalidOperationException or TaskCanceledException)
        {
            // No storage (private window, prerendering) or a mangled entry: all columns shown.
        }
    }

    private async Task HiddenChangedAsync(IReadOnlySet<string> hidden)
    {
        _hidden = hidden;
        if (SweepId is null)
        {
            return;
        }

        try
        {
            await JS.InvokeVoidAsync("localStorage.setItem", StoragePrefix + SweepId, JsonSerializer.Serialize(hidden.Order(StringComparer.Ordinal)));
        }
        catch (Exception ex) when (ex is JSException or InvalidOperationException or TaskCanceledException)
        {
            // Not remembered, still applied.
        }
    }

    // The anomaly columns follow the sweep's definition (ShowAnomalyDetection); the evaluation suite's follow the rows.
    private bool HasOptional(string metric) => metric switch
    {
        MetricNames.ValidationAuroc or MetricNames.ValidationAuprc => ShowAnomalyDetection,
        MetricNames.ValidationDenoisePsnr => Rows.Any(r => r.ValDenoisePsnr is not null),
        _ => Rows.Any(r => r.ValKnnAccuracy is not null),
    };
}
