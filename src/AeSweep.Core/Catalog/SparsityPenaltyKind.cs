namespace AeSweep.Core.Catalog;

/// <summary>The sparsity penalties on the code (<c>sparsity</c>), in the catalog's order.</summary>
public enum SparsityPenaltyKind
{
    /// <summary><c>l1</c>: mean absolute code value.</summary>
    L1,

    /// <summary><c>kl</c>: KL divergence from the target mean activation.</summary>
    Kl,
}
