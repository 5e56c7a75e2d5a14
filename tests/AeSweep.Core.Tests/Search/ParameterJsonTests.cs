using AeSweep.Core.Search;

namespace AeSweep.Core.Tests.Search;

public sealed class ParameterJsonTests
{
    [Fact]
    public void Floats_always_carry_a_fraction_or_an_exponent_and_integers_never_do()
    {
        var json = ParameterJson.Write(new Dictionary<string, ParameterValue>
        {
            ["a_int"] = ParameterValue.Of(3),
            ["b_float"] = ParameterValue.Of(3.0),
            ["c_small"] = ParameterValue.Of(1e-5),
            ["d_text"] = ParameterValue.Of("mse"),
            ["e_flag"] = ParameterValue.Of(true),
        });

        Assert.Equal("""{"a_int":3,"b_float":3.0,"c_small":1E-05,"d_text":"mse","e_flag":true}""", json);
    }

    [Fact]
    public void Non_finite_floats_are_refused()
    {
        Assert.Throws<ArgumentException>(() => ParameterJson.Write(new Dictionary<string, ParameterValue> { ["x"] = ParameterValue.Of(double.NaN) }));
    }

    [Fact]
    public void Json_written_elsewhere_reads_by_the_same_rule()
    {
        var parameters = ParameterJson.Read("""{"depth": 4, "lr": 0.5, "big": 2e3, "name": "conv", "on": false}""");

        Assert.Equal(
            [ParameterValueKind.Integer, ParameterValueKind.Float, ParameterValueKind.Float, ParameterValueKind.String, ParameterValueKind.Boolean],
            new[] { "depth", "lr", "big", "name", "on" }.Select(n => parameters[n].Kind));
        Assert.Throws<FormatException>(() => ParameterJson.Read("""{"nested": {"x": 1}}"""));
    }
}
