namespace AeSweep.Core.Catalog;

/// <summary>The kind of value a built-in parameter takes.</summary>
public enum ParameterKind
{
    /// <summary>A whole number within bounds.</summary>
    Integer,

    /// <summary>A real number within bounds.</summary>
    Number,

    /// <summary>One of a fixed list of names.</summary>
    Choice,
}
