using AeSweep.Application.Contracts;

namespace AeSweep.Application;

/// <summary>
/// The answer to a Pareto front query: the front, or why there is none — no such sweep (<see cref="SweepFound"/>
/// false), or a single-objective sweep (<see cref="Refusal"/> says so; the API answers 409).
/// </summary>
public sealed record ParetoLookup(bool SweepFound, ParetoFrontView? Front, string? Refusal)
{
    /// <summary>No such sweep.</summary>
    public static ParetoLookup NotFound { get; } = new(false, null, null);
}
