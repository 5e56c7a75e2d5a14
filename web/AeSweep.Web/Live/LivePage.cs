using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Logging;

namespace AeSweep.Web.Live;

/// <summary>
/// A dashboard page that stays live: it follows a <see cref="LiveTopic"/> on the one <see cref="LiveRefresh"/> service
/// and reloads through the queries on the renderer's thread (<c>InvokeAsync</c>). A failed reload is logged and shows
/// <see cref="UpdatesPaused"/> ("updates paused, retrying") until a later reload succeeds; it never ends the updates.
/// The subscription ends when the page is disposed.
/// </summary>
public abstract class LivePage : ComponentBase, IDisposable
{
    private readonly CancellationTokenSource _closing = new();
    private IDisposable? _subscription;
    private LiveTopic? _topic;
    private bool _disposed;

    [Inject] private LiveRefresh Live { get; set; } = null!;

    [Inject] private ILogger<LivePage> Logger { get; set; } = null!;

    /// <summary>True after a reload failed, until one succeeds.</summary>
    protected bool UpdatesPaused { get; private set; }

    /// <summary>Cancelled when the page closes.</summary>
    protected CancellationToken Closing => _closing.Token;

    /// <summary>True when nothing the page shows can change any more (a finished sweep or trial): live reloads are skipped.</summary>
    protected virtual bool IsSettled => false;

    /// <summary>Loads the page's data through the queries (called for the first render by the page, then on every change).</summary>
    protected abstract Task LoadAsync(CancellationToken cancellationToken);

    /// <summary>Follows <paramref name="topic"/> from now on (replacing what the page followed before).</summary>
    protected void Follow(LiveTopic topic)
    {
        if (_disposed || topic == _topic)
        {
            return;
        }

        _subscription?.Dispose();
        _topic = topic;
        _subscription = Live.Subscribe(topic, ReloadAsync);
    }

    private async Task ReloadAsync()
    {
        if (_disposed)
        {
            return;
        }

        try
        {
            await InvokeAsync(async () =>
            {
                if (_disposed || IsSettled)
                {
                    return;
                }

                await LoadAsync(_closing.Token);
                UpdatesPaused = false;
                StateHasChanged();
            });
        }
        catch (Exception) when (_disposed)
        {
            // The page closed while it reloaded.
        }
        catch (Exception ex)
        {
            Logger.LogWarning(ex, "Live reload of {Page} failed; retrying on the next change", GetType().Name);
            await InvokeAsync(() =>
            {
                UpdatesPaused = true;
                StateHasChanged();
            });
        }
    }

    public void Dispose()
    {
        Dispose(disposing: true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing)
    {
        if (_disposed || !disposing)
        {
            return;
        }

        _disposed = true;
        _subscription?.Dispose();
        _closing.Cancel();
        _closing.Dispose();
    }
}
