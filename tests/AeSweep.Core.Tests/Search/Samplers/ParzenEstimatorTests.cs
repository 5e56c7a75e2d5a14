using System.Collections.Immutable;
using AeSweep.Core.Search;
using AeSweep.Core.Search.Samplers;

namespace AeSweep.Core.Tests.Search.Samplers;

/// <summary>
/// The estimator against figures printed by Optuna 3.1's own <c>_ParzenEstimator.log_pdf</c> on the same
/// observations (prior weight 1, magic clip, no endpoints, default weights) — once as shipped and once with
/// its truncated-normal density given the 1/σ factor that 3.1 leaves out.
/// </summary>
public sealed class ParzenEstimatorTests
{
    private static readonly double[] Thirty =
    [
        0.5488135039273248, 0.7151893663724195, 0.6027633760716439, 0.5448831829968969, 0.4236547993389047, 0.6458941130666561,
        0.4375872112626925, 0.8917730007820798, 0.9636627605010293, 0.3834415188257777, 0.7917250380826646, 0.5288949197529045,
        0.5680445610939323, 0.925596638292661, 0.07103605819788694, 0.08712929970154071, 0.02021839744032572, 0.832619845547938,
        0.7781567509498505, 0.8700121482468192, 0.978618342232764, 0.7991585642167236, 0.46147936225293185, 0.7805291762864555,
        0.11827442586893322, 0.6399210213275238, 0.1433532874090464, 0.9446689170495839, 0.5218483217500717, 0.4146619399905236,
    ];

    public static TheoryData<string, bool, double[]> Cases => new()
    {
        { "float", true, [-0.7650022742770823, -0.8503364234612175, -1.1262819358031546, -1.1928122522555151] },
        { "float0", true, [0.027088911602060728, 0.027088911602060728, -0.08071108839793939, -0.08071108839793939] },
        { "log", true, [-1.1965062817576189, -0.9206371440303065, -0.7309749032202139, -1.0448380294510775] },
        { "int", true, [-2.1076784508483666, -1.5868579850127882, -2.7392314436433187] },
        { "intlog", true, [-1.0453413486407526, -0.7493599828057155, -1.0326019749262865] },
        { "cat", true, [-1.2685113254635072, -1.8562979903656263, -0.9007865453381898, -1.8562979903656263] },
        { "float30", true, [-2.3376913940560526, -2.352225469788995, -2.398857672263567] },
        { "mv", true, [-1.4188076650334343, -1.9561452309306098] },
        { "step", true, [-2.365778433642794, -1.8606868596609596, -2.9963356503289638] },
        { "float", false, [-2.4814618569138167, -2.654117722620737, -3.0572361907049137, -3.329102095682982] },
        { "float0", false, [-2.680961289500149, -2.680961289500149, -2.7887612895001492, -2.7887612895001492] },
        { "log", false, [-2.8746084981000237, -2.380720345561117, -1.8972634149292018, -2.4035188108126384] },
        { "intlog", false, [-1.6283561491127074, -1.2670426645099446, -1.919770748119277] },
        { "float30", false, [0.02053851751021174, 0.24996580243993383, 0.5932224882267365] },
        { "mv", false, [-0.3396506475100539, -1.4865676259854899] },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Log_density_matches_Optuna(string name, bool optuna31, double[] expected)
    {
        var (distributions, observations, samples, multivariate) = Case(name);
        var estimator = new ParzenEstimator(distributions, observations, multivariate, new TpeOptions { NormalizedKernels = !optuna31 });

        var actual = estimator.LogPdf(samples);

        Assert.Equal(expected.Length, actual.Length);
        for (var i = 0; i < expected.Length; i++)
        {
            Assert.Equal(expected[i], actual[i], 1e-9);
        }
    }

    [Fact]
    public void Weights_ramp_down_older_observations_beyond_25()
    {
        var w = ParzenEstimator.DefaultWeights(30);

        Assert.Equal(1.0 / 30, w[0], 12);
        Assert.Equal(1.0, w[4], 12);
        Assert.All(w.Skip(5), x => Assert.Equal(1.0, x));
        Assert.All(ParzenEstimator.DefaultWeights(10), x => Assert.Equal(1.0, x));
    }

    [Fact]
    public void Samples_stay_inside_the_range_and_on_the_grid()
    {
        ParameterDistribution[] distributions = [new FloatDistribution(0, 2, step: 0.25), new IntDistribution(16, 1024, log: true), new FloatDistribution(1e-3, 10, log: true)];
        var estimator = new ParzenEstimator(distributions, [[0.5, 2.0], [16, 1024], [1e-3, 10]], multivariate: false, TpeOptions.Default);

        var samples = estimator.Sample(new Random(3), 500);

        for (var d = 0; d < distributions.Length; d++)
        {
            Assert.All(samples[d], x => Assert.True(distributions[d].Contains(distributions[d] is IntDistribution ? ParameterValue.Of((long)x) : ParameterValue.Of(x)), $"{x} outside {distributions[d]}"));
        }
    }

    private static (ParameterDistribution[] Distributions, double[][] Observations, double[][] Samples, bool Multivariate) Case(string name) => name switch
    {
        "float" => ([new FloatDistribution(-5, 10)], [[1.0, 2.5, -3.0, 7.7]], [[0, 5, -4.9, 9.9]], false),
        "float0" => ([new FloatDistribution(-5, 10)], [[]], [[0, 5, -4.9, 9.9]], false),
        "log" => ([new FloatDistribution(1e-3, 10, log: true)], [[0.01, 0.5, 2.0]], [[0.001, 0.02, 1.0, 9.0]], false),
        "int" => ([new IntDistribution(1, 8)], [[2, 3, 3, 7]], [[1, 3, 8]], false),
        "intlog" => ([new IntDistribution(16, 1024, log: true)], [[32, 64, 500]], [[16, 100, 1024]], false),
        "cat" => ([Categorical("a", "b", "c", "d")], [[0, 2, 2]], [[0, 1, 2, 3]], false),
        "float30" => ([new FloatDistribution(0, 1)], [Thirty], [[0.05, 0.5, 0.95]], false),
        "mv" => ([new FloatDistribution(0, 1), Categorical("a", "b")], [[0.1, 0.4, 0.8], [1, 0, 1]], [[0.2, 0.9], [1, 0]], true),
        "step" => ([new FloatDistribution(0, 2, step: 0.25)], [[0.5, 1.0]], [[0, 0.75, 2.0]], false),
        _ => throw new ArgumentException(name),
    };

    private static CategoricalDistribution Categorical(params string[] choices) => new([.. choices.Select(ParameterValue.Of)]);
}
