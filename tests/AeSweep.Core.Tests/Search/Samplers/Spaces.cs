using System.Collections.Immutable;
using AeSweep.Core.Search;

namespace AeSweep.Core.Tests.Search.Samplers;

/// <summary>Search spaces shared by the sampler tests.</summary>
internal static class Spaces
{
    /// <summary>Every distribution kind, plus conditional parameters two levels deep.</summary>
    public static SearchSpace EveryKind { get; } = new(
    [
        new("model", Categorical("dense", "conv", "vae")),
        new("lr", new FloatDistribution(1e-5, 1e-1, log: true)),
        new("dropout", new FloatDistribution(0, 0.5)),
        new("noise", new FloatDistribution(0, 1, step: 0.125)),
        new("depth", new IntDistribution(1, 4)),
        new("width", new IntDistribution(16, 1024, log: true)),
        new("channels", new IntDistribution(8, 64, step: 8)),
        new("batch_size", new ConstantDistribution(ParameterValue.Of(256L))),
        new("beta", new FloatDistribution(0.1, 10, log: true), new ParameterCondition("model", Values: [ParameterValue.Of("vae")])),
        new("kl_warmup", new IntDistribution(0, 10), new ParameterCondition("beta", Min: 1.0)),
        new("width_2", Categorical(64L, 128L), new ParameterCondition("depth", Min: 2)),
        new("width_3", Categorical(64L, 128L), new ParameterCondition("depth", Min: 3)),
        new("tied", new CategoricalDistribution([ParameterValue.Of(true), ParameterValue.Of(false)])),
    ]);

    /// <summary>Two floats on [-1, 1].</summary>
    public static SearchSpace Square { get; } = new([new("x", new FloatDistribution(-1, 1)), new("y", new FloatDistribution(-1, 1))]);

    /// <summary>A smooth objective over <see cref="EveryKind"/> so TPE has something to model.</summary>
    public static double Objective(IReadOnlyDictionary<string, ParameterValue> p) =>
        Math.Pow(Math.Log10(p["lr"].AsDouble()) + 3, 2) + p["dropout"].AsDouble() + Math.Abs(p["depth"].AsDouble() - 2)
        + (p["model"].AsString() == "conv" ? 0 : 0.5) + (p.TryGetValue("beta", out var beta) ? Math.Abs(Math.Log(beta.AsDouble())) : 0);

    public static CategoricalDistribution Categorical(params string[] choices) => new([.. choices.Select(ParameterValue.Of)]);

    public static CategoricalDistribution Categorical(params long[] choices) => new([.. choices.Select(ParameterValue.Of)]);

    public static ImmutableDictionary<string, ParameterValue> Config(params (string Name, object Value)[] values) =>
        values.ToImmutableDictionary(v => v.Name, v => ParameterValue.FromObject(v.Value), StringComparer.Ordinal);
}
