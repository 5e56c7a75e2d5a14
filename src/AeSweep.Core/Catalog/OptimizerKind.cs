namespace AeSweep.Core.Catalog;

/// <summary>The optimizers (<c>optimizer</c>), in the catalog's order.</summary>
public enum OptimizerKind
{
    /// <summary><c>adam</c>: Adam.</summary>
    Adam,

    /// <summary><c>adamw</c>: Adam with decoupled weight decay.</summary>
    AdamW,

    /// <summary><c>sgd</c>: stochastic gradient descent with momentum.</summary>
    Sgd,
}
