namespace AeSweep.Core.Definitions;

/// <summary>How configurations are chosen.</summary>
public enum SearchMethod
{
    /// <summary>Full factorial over discrete values, in a fixed order.</summary>
    Grid,
    /// <summary>Independent uniform draws, seeded.</summary>
    Random,
    /// <summary>Tree-structured Parzen estimator (Bayesian optimisation, Bergstra et al. 2011).</summary>
    Tpe,
    /// <summary>Gaussian-process Bayesian optimisation (Matérn-5/2 kernel, log expected improvement).</summary>
    Gp,
    /// <summary>
    /// The recommended method: a quasi-random start, then the model sampler that suits the space and budget
    /// (<see cref="Search.Samplers.AutoSamplerPolicy"/>).
    /// </summary>
    Auto,
}
