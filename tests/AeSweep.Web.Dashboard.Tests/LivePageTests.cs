using AeSweep.Application.Live;
using AeSweep.Web.Live;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace AeSweep.Web.Dashboard.Tests;

/// <summary>A page on the live-refresh service, rendered by bUnit: reloads on its sweep's changes, survives failures, unsubscribes on dispose.</summary>
public sealed class LivePageTests : IDisposable
{
    private readonly BunitContext _context = new();
    private readonly SweepChangeFeed _feed = new();
    private readonly LiveRefresh _live;

    public LivePageTests()
    {
        // The safety refresh never fires here: only published changes reload.
        _live = new LiveRefresh(_feed, new FakeTimeProvider(), NullLogger<LiveRefresh>.Instance, TimeSpan.FromHours(1));
        _context.Services.AddSingleton(_live);
        _context.Services.AddLogging();
    }

    [Fact]
    public void A_failed_reload_shows_updates_paused_and_the_next_change_reloads_again()
    {
        var fail = true;
        var page = _context.Render<FollowingPage>(p => p.Add(c => c.Load, () => fail ? Task.FromException(new InvalidOperationException("the store is away")) : Task.CompletedTask));

        _feed.Publish(SweepUpdate.OfTrial("sweep-a", "trial-1"));
        page.WaitForAssertion(() => Assert.Equal("updates paused", page.Find("#state").TextContent));
        fail = false;
        _feed.Publish(SweepUpdate.OfTrial("sweep-a", "trial-1"));

        page.WaitForAssertion(() => Assert.Equal("live after 2 loads", page.Find("#state").TextContent));
    }

    [Fact]
    public void Another_sweeps_change_does_not_reload_the_page()
    {
        var page = _context.Render<FollowingPage>(p => p.Add(c => c.Load, () => Task.CompletedTask));

        _feed.Publish(SweepUpdate.OfSweep("sweep-b"));
        _feed.Publish(SweepUpdate.OfSweep("sweep-a"));

        page.WaitForAssertion(() => Assert.Equal("live after 1 loads", page.Find("#state").TextContent));
        Assert.Equal(1, page.Instance.Loads);
    }

    [Fact]
    public async Task A_disposed_page_unsubscribes()
    {
        _context.Render<FollowingPage>(p => p.Add(c => c.Load, () => Task.CompletedTask));
        Assert.Equal(1, _live.SubscriberCount);

        await _context.DisposeComponentsAsync();

        Assert.Equal(0, _live.SubscriberCount);
    }

    public void Dispose()
    {
        _context.Dispose();
        _live.Dispose();
    }
}
