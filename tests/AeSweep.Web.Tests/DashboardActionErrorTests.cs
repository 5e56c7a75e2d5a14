using AeSweep.Web.Dashboard;
using Microsoft.Data.Sqlite;

namespace AeSweep.Web.Tests;

/// <summary>What the new-sweep page's submit and the sweep page's cancel show when the store cannot write.</summary>
public sealed class DashboardActionErrorTests
{
    [Fact]
    public void A_full_disk_is_named_as_such_however_the_grain_call_wrapped_it()
    {
        var direct = new SqliteException("SQLite Error 13: 'database or disk is full'.", 13);
        // A grain call's copy keeps the message only.
        var copied = new InvalidOperationException("Submitting failed", new Exception("SQLite Error 13: 'database or disk is full'."));

        Assert.Equal("Could not submit: the data folder's disk is full. Free some space; the server resumes by itself.", DashboardActionError.Describe("Could not submit", direct));
        Assert.StartsWith("Could not cancel: the data folder's disk is full.", DashboardActionError.Describe("Could not cancel", copied), StringComparison.Ordinal);
    }

    [Fact]
    public void Other_failures_keep_their_own_message()
    {
        Assert.Equal("Could not cancel: sweep abc is not known", DashboardActionError.Describe("Could not cancel", new InvalidOperationException("sweep abc is not known")));
    }
}
