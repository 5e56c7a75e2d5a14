namespace AeSweep.Application.Live;

/// <summary>
/// The changes live views follow, within one process. Sources publish (the application's own commands; the engine's
/// pushed events through an adapter); the web host's live-refresh service subscribes. Publishing never blocks on or
/// fails because of a subscriber.
/// </summary>
public interface ISweepChangeFeed
{
    /// <summary>Tells every subscriber of the change; a subscriber that throws is logged and skipped.</summary>
    void Publish(SweepUpdate change);

    /// <summary>Calls <paramref name="onChange"/> for every change published from now on, until the result is disposed.</summary>
    IDisposable Subscribe(Action<SweepUpdate> onChange);
}
