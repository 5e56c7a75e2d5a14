namespace AeSweep.Application;

/// <summary>A multi-objective sweep's Pareto front, as the CLI, the API and the dashboard show it.</summary>
public interface IParetoQueries
{
    /// <summary>The sweep's Pareto front over its completed trials (<c>GET /api/sweeps/{id}/pareto</c>).</summary>
    Task<ParetoLookup> GetParetoFrontAsync(string sweepId, CancellationToken cancellationToken);
}
