namespace AeSweep.Core.Search.Constraints;

/// <summary>What evaluating one constraint on one configuration gave.</summary>
internal enum RuleOutcome
{
    /// <summary>The rule holds.</summary>
    True,
    /// <summary>The rule does not hold.</summary>
    False,
    /// <summary>The rule names a parameter the configuration lacks, so it is not applied.</summary>
    NotApplicable,
    /// <summary>The rule gives a number or text instead of true or false.</summary>
    NotBoolean,
    /// <summary>The rule failed to evaluate (types that do not combine, an unknown function).</summary>
    Error,
}
