namespace AeSweep.Core.Catalog;

/// <summary>The hidden-layer activations (<c>activation</c>), in the catalog's order.</summary>
public enum ActivationFunction
{
    /// <summary><c>relu</c>: rectified linear unit.</summary>
    Relu,

    /// <summary><c>leaky_relu</c>: leaky ReLU (slope 0.01).</summary>
    LeakyRelu,

    /// <summary><c>elu</c>: exponential linear unit.</summary>
    Elu,

    /// <summary><c>gelu</c>: Gaussian error linear unit.</summary>
    Gelu,

    /// <summary><c>silu</c>: sigmoid linear unit (swish).</summary>
    Silu,

    /// <summary><c>tanh</c>: hyperbolic tangent.</summary>
    Tanh,

    /// <summary><c>sigmoid</c>: logistic sigmoid.</summary>
    Sigmoid,
}
