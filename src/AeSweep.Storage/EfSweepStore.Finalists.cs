using AeSweep.Core.Search;
using AeSweep.Storage.Model;
using Microsoft.EntityFrameworkCore;

namespace AeSweep.Storage;

// Finalist runs (finalize:): a search trial's configuration retrained under a new number, hence a new seed.
public sealed partial class EfSweepStore
{
    public async Task<IReadOnlyList<TrialSnapshot>> AddFinalistTrialsAsync(string sweepId, IReadOnlyList<string> originalIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(originalIds);
        if (originalIds.Count == 0)
        {
            return [];
        }

        IReadOnlyList<IReadOnlyDictionary<string, ParameterValue>> parameters;
        await using (var db = await _contexts.CreateDbContextAsync(cancellationToken))
        {
            var ids = originalIds.Distinct(StringComparer.Ordinal).ToList();
            var originals = await db.Trials.AsNoTracking()
                .Where(t => t.SweepId == sweepId && t.FinalistOf == null && ids.Contains(t.Id))
                .Select(t => new { t.Id, t.ParametersJson })
                .ToDictionaryAsync(t => t.Id, t => t.ParametersJson, StringComparer.Ordinal, cancellationToken);
            var missing = ids.FirstOrDefault(id => !originals.ContainsKey(id));
            if (missing is not null)
            {
                throw new InvalidOperationException($"sweep {sweepId} has no search trial {missing} to finalize");
            }

            parameters = [.. originalIds.Select(id => ParameterJson.Read(originals[id]))];
        }

        return await AddTrialsAsync(sweepId, parameters, start: null, firstNumber: null, cancellationToken, originalIds);
    }

    public async Task<IReadOnlyList<TrialSnapshot>> ListFinalistTrialsAsync(string sweepId, CancellationToken cancellationToken)
    {
        await using var db = await _contexts.CreateDbContextAsync(cancellationToken);
        var originals = db.Trials.Where(t => t.SweepId == sweepId && t.FinalistOf != null).Select(t => t.FinalistOf);
        var trials = await db.Trials.AsNoTracking()
            .Where(t => t.SweepId == sweepId && (t.FinalistOf != null || originals.Contains(t.Id)))
            .OrderBy(t => t.Number)
            .ToListAsync(cancellationToken);
        return [.. trials.Select(t => t.ToSnapshot())];
    }
}
