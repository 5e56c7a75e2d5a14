using AeSweep.Application.Views;
using AeSweep.Core.Search;
using AeSweep.Core.Trials;

namespace AeSweep.Web.Dashboard.Tests;

public sealed class LeaderboardFilterTests
{
    private static LeaderboardRow Row(int number, TrialState state, string loss) => new(
        new TrialRecord($"t{number}", "s", number, state, new Dictionary<string, ParameterValue> { ["loss"] = ParameterValue.Of(loss) }, 1, null, DateTimeOffset.UnixEpoch, null, null, null, null, null),
        new Dictionary<string, double>(),
        0,
        null,
        null);

    private static readonly LeaderboardRow[] Rows =
    [
        Row(1, TrialState.Completed, "mse"),
        Row(2, TrialState.Running, "bce"),
        Row(3, TrialState.Completed, "bce"),
    ];

    [Fact]
    public void The_quick_filter_keeps_rows_whose_text_has_every_term_and_whose_state_is_picked()
    {
        Assert.Equal([1, 2, 3], LeaderboardFilter.Apply(Rows, null, null).Select(r => r.Number));
        Assert.Equal([2, 3], LeaderboardFilter.Apply(Rows, "LOSS=bce", null).Select(r => r.Number));
        Assert.Equal([3], LeaderboardFilter.Apply(Rows, "loss=bce completed", null).Select(r => r.Number));
        Assert.Equal([1, 3], LeaderboardFilter.Apply(Rows, " ", ["Completed"]).Select(r => r.Number));
        Assert.Equal([2], LeaderboardFilter.Apply(Rows, "#2", ["Running", "Pruned"]).Select(r => r.Number));
    }
}
