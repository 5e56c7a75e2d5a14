using AeSweep.Core.Definitions.Wandb;
using AeSweep.Core.Search;

namespace AeSweep.Core.Tests.Definitions.Wandb;

/// <summary>W&amp;B's command macros expand as W&amp;B's agent expands them, values written as Python's str() writes them.</summary>
public sealed class WandbCommandTests
{
    private static readonly Dictionary<string, ParameterValue> Parameters = new(StringComparer.Ordinal)
    {
        ["lr"] = ParameterValue.Of(0.00001),
        ["epochs"] = ParameterValue.Of(3L),
        ["amp"] = ParameterValue.Of(true),
        ["ema"] = ParameterValue.Of(false),
        ["name"] = ParameterValue.Of("it's"),
        ["opt.beta"] = ParameterValue.Of(0.9),
        ["opt.kind"] = ParameterValue.Of("adam"),
    };

    private static readonly string[] Nested = ["opt.beta", "opt.kind"];

    private static IReadOnlyList<string> Expand(params string[] template) =>
        WandbCommand.Expand(template, Parameters, Nested, "/tmp/args.json", name => name == "HOME_DIR" ? "/home/me" : null);

    [Fact]
    public void Args_are_flags_with_python_values_and_nested_blocks_as_dicts()
    {
        Assert.Equal(
            ["--amp=True", "--ema=False", "--epochs=3", "--lr=1e-05", "--name=it's", "--opt={'beta': 0.9, 'kind': 'adam'}"],
            Expand("${args}"));
    }

    [Fact]
    public void Args_no_hyphens_and_no_boolean_flags_follow_wandb()
    {
        Assert.Equal("epochs=3", Expand("${args_no_hyphens}")[2]);
        var flags = Expand("${args_no_boolean_flags}");
        Assert.Contains("--amp", flags);
        Assert.DoesNotContain(flags, f => f.StartsWith("--ema", StringComparison.Ordinal));
    }

    [Fact]
    public void Args_json_nests_and_args_json_file_is_a_path()
    {
        Assert.Equal("""{"amp":true,"ema":false,"epochs":3,"lr":1E-05,"name":"it\u0027s","opt":{"beta":0.9,"kind":"adam"}}""", Expand("${args_json}")[0]);
        Assert.Equal(["/tmp/args.json"], Expand("${args_json_file}"));
    }

    [Fact]
    public void Fixed_macros_resolve_once_and_envvar_reads_the_environment()
    {
        Assert.Equal(["python3", "train.py", "${args}"], WandbCommand.Resolve(WandbCommand.DefaultTemplate, "train.py").ToArray());
        Assert.Equal(["--data=/home/me/data"], Expand("--data=${envvar:HOME_DIR}/data"));
    }

    [Theory]
    [InlineData(0.1, "0.1")]
    [InlineData(3.0, "3.0")]
    [InlineData(1e-05, "1e-05")]
    [InlineData(0.0001, "0.0001")]
    [InlineData(1.5e16, "1.5e+16")]
    [InlineData(-2.5, "-2.5")]
    public void Floats_print_as_python_prints_them(double value, string python) => Assert.Equal(python, WandbCommand.PythonFloat(value));
}
