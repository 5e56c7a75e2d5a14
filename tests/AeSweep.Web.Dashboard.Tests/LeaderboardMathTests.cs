using AeSweep.Core.Search;

namespace AeSweep.Web.Dashboard.Tests;

public sealed class LeaderboardMathTests
{
    [Fact]
    public void Gain_over_pca_is_the_relative_change_of_val_mse()
    {
        var change = PcaComparison.RelativeChange(0.013, 0.02);
        Assert.Equal(-0.35, change!.Value, 6);
        Assert.Equal("−35 % vs PCA", PcaComparison.Describe(change));
        Assert.Equal("+50 % vs PCA", PcaComparison.Describe(PcaComparison.RelativeChange(0.03, 0.02)));
        Assert.Null(PcaComparison.RelativeChange(0.01, null));
        Assert.Null(PcaComparison.RelativeChange(0.01, 0));
        Assert.Equal("—", PcaComparison.Describe(null));
    }

    [Fact]
    public void Configuration_diff_marks_differing_and_missing_parameters()
    {
        var a = new Dictionary<string, ParameterValue> { ["depth"] = ParameterValue.Of(2L), ["loss"] = ParameterValue.Of("mse") };
        var b = new Dictionary<string, ParameterValue> { ["depth"] = ParameterValue.Of(2.0), ["loss"] = ParameterValue.Of("bce"), ["beta"] = ParameterValue.Of(1.0) };

        var rows = ConfigurationDiff.Build([a, b]);

        Assert.Equal(["depth", "loss", "beta"], rows.Select(r => r.Parameter));
        Assert.False(rows[0].Differs);
        Assert.True(rows[1].Differs);
        Assert.True(rows[2].Differs);
        Assert.Null(rows[2].Values[0]);
    }
}
