namespace AeSweep.Core.Search.Pruners;

/// <summary>One Hyperband bracket (Li et al. 2018, Algorithm 1).</summary>
/// <param name="Index">The bracket's index from 0; it is also its ASHA minimum early-stopping rate, so bracket i's first rung is at r·ηⁱ.</param>
/// <param name="S">The paper's s = s_max − index: the number of halvings the bracket performs.</param>
/// <param name="TrialBudget">The paper's n = ⌈(s_max + 1)·η^s / (s + 1)⌉: the bracket's share of trials.</param>
/// <param name="MinResource">The paper's r = R·η^(−s) expressed in steps: where the bracket's first rung sits.</param>
public sealed record HyperbandBracket(int Index, int S, int TrialBudget, long MinResource);
