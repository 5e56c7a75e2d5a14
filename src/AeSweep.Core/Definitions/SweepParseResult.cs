namespace AeSweep.Core.Definitions;

/// <summary>The outcome of reading a sweep file: a definition, or every problem found.</summary>
/// <param name="Definition">The validated definition; null when there are errors.</param>
/// <param name="Errors">Every problem, in file order as far as possible.</param>
public sealed record SweepParseResult(SweepDefinition? Definition, IReadOnlyList<ValidationError> Errors)
{
    /// <summary>True when the file is a valid sweep.</summary>
    public bool IsValid => Definition is not null && Errors.Count == 0;

    /// <summary>The dialect the file was read in (see <see cref="SweepFlavor"/>), also when it has errors.</summary>
    public SweepFlavor Flavor { get; init; }

    /// <summary>Why the file was read in that dialect, e.g. "program is a script path, as in W&amp;B".</summary>
    public string FlavorReason { get; init; } = string.Empty;
}
