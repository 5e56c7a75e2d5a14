namespace AeSweep.Core.Search;

/// <summary>The shape of a <see cref="PriorDistribution"/>: W&amp;B's distributions that are not uniform over a range.</summary>
public enum PriorKind
{
    /// <summary>Normal with mean μ and standard deviation σ (W&amp;B's <c>normal</c>, <c>q_normal</c>).</summary>
    Normal,

    /// <summary>exp of a normal with mean μ and standard deviation σ (W&amp;B's <c>log_normal</c>, <c>q_log_normal</c>).</summary>
    LogNormal,

    /// <summary>Beta with shapes a and b on [0, 1] (W&amp;B's <c>beta</c>, <c>q_beta</c>).</summary>
    Beta,

    /// <summary>
    /// exp of a uniform over [A, B] (natural-log bounds; W&amp;B's <c>q_log_uniform</c>, <c>q_log_uniform_values</c>), rounded
    /// to multiples of q as W&amp;B rounds them.
    /// </summary>
    LogUniform,

    /// <summary>
    /// A uniform over [A, B] rounded to multiples of q as W&amp;B rounds them (W&amp;B's <c>q_uniform</c> where min is not a
    /// multiple of q, so the values are not min + k·q).
    /// </summary>
    Uniform,
}
