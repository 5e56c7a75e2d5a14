using System.Collections.Immutable;

namespace AeSweep.Core.Search.Pruners;

/// <summary>
/// Hyperband (Li et al. 2018) as brackets of ASHA, as Optuna's <c>HyperbandPruner</c>: with R = max/min
/// resource there are s_max + 1 = ⌊log_η R⌋ + 1 brackets; bracket i runs successive halving with its first
/// rung at min·ηⁱ, so low brackets stop trials aggressively and the last one never stops them before max.
/// Each trial belongs to one bracket, chosen by hashing its number with weights equal to the paper's n
/// per bracket; it competes only with trials of its own bracket.
/// </summary>
public sealed class HyperbandPruner : IPruner
{
    private readonly SuccessiveHalvingPruner[] _pruners;
    private readonly int _totalBudget;

    /// <summary>Creates a Hyperband pruner.</summary>
    /// <param name="minResource">Minimum resource r (steps before the first rung of bracket 0).</param>
    /// <param name="maxResource">Maximum resource R (the steps of a full trial).</param>
    /// <param name="reductionFactor">η.</param>
    /// <param name="extrapolate">Whether the brackets rank trials by their learning curves' forecasts at <paramref name="maxResource"/> (<see cref="SuccessiveHalvingPruner.ForecastHorizon"/>).</param>
    public HyperbandPruner(int minResource, int maxResource, int reductionFactor = 3, bool extrapolate = false)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(minResource, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxResource, minResource);
        ArgumentOutOfRangeException.ThrowIfLessThan(reductionFactor, 2);
        MinResource = minResource;
        MaxResource = maxResource;
        ReductionFactor = reductionFactor;

        // ⌊log_η(R)⌋ computed in integers: floating-point log of an exact power (log_3 243) can land just below it.
        var count = 1;
        for (long r = (long)minResource * reductionFactor; r <= maxResource; r *= reductionFactor)
        {
            count++;
        }

        var brackets = ImmutableArray.CreateBuilder<HyperbandBracket>(count);
        for (var index = 0; index < count; index++)
        {
            var s = count - 1 - index;
            var budget = (int)Math.Ceiling(count * Math.Pow(reductionFactor, s) / (s + 1));
            brackets.Add(new HyperbandBracket(index, s, budget, minResource * (long)Math.Pow(reductionFactor, index)));
        }

        Brackets = brackets.MoveToImmutable();
        _pruners = [.. Brackets.Select(b => new SuccessiveHalvingPruner(minResource, reductionFactor, b.Index, extrapolate ? maxResource : null))];
        Extrapolate = extrapolate;
        _totalBudget = Brackets.Sum(b => b.TrialBudget);
    }

    /// <summary>r.</summary>
    public int MinResource { get; }

    /// <summary>R.</summary>
    public int MaxResource { get; }

    /// <summary>η.</summary>
    public int ReductionFactor { get; }

    /// <summary>Whether the brackets rank by forecasts at <see cref="MaxResource"/>.</summary>
    public bool Extrapolate { get; }

    /// <summary>The brackets, index 0 (most aggressive) first.</summary>
    public ImmutableArray<HyperbandBracket> Brackets { get; }

    /// <summary>The bracket trial <paramref name="trialNumber"/> belongs to: a fixed hash of the number, weighted by the brackets' budgets.</summary>
    public int BracketOf(int trialNumber)
    {
        var n = (int)(Fnv1a(trialNumber) % (uint)_totalBudget);
        for (var i = 0; i < Brackets.Length; i++)
        {
            n -= Brackets[i].TrialBudget;
            if (n < 0)
            {
                return i;
            }
        }

        return Brackets.Length - 1;
    }

    /// <inheritdoc />
    public bool ShouldPrune(PruningContext context)
    {
        var bracket = BracketOf(context.Trial.Number);
        return _pruners[bracket].ShouldPrune(context, context.Trials.Where(t => BracketOf(t.Number) == bracket));
    }

    // A fixed hash (not string.GetHashCode, which is randomised per process) so brackets survive restarts.
    private static uint Fnv1a(int value)
    {
        var hash = 2166136261u;
        for (var i = 0; i < 4; i++)
        {
            hash = unchecked((hash ^ (byte)(value >> (8 * i))) * 16777619u);
        }

        return hash;
    }
}
