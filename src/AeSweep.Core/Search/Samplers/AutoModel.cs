namespace AeSweep.Core.Search.Samplers;

/// <summary>The model sampler <see cref="AutoSampler"/> hands over to after its quasi-random start.</summary>
public enum AutoModel
{
    /// <summary>Gaussian-process Bayesian optimisation: the stronger model on small numeric spaces and budgets.</summary>
    Gp,
    /// <summary>Tree-structured Parzen estimator: conditional or categorical-heavy spaces, large histories.</summary>
    Tpe,
}
