using System.Collections.Immutable;

namespace AeSweep.Core.Search.Constraints;

/// <summary>
/// A sweep's <c>constraints:</c>: rules every configuration it runs must satisfy, whoever chose it (a sampler, an
/// enqueued configuration, a REST enqueue). Samplers never suggest a configuration that violates one
/// (<see cref="ConstrainedSampler"/>).
/// </summary>
public sealed class SweepConstraints : IEquatable<SweepConstraints>
{
    /// <summary>The most rules a sweep may have.</summary>
    public const int MaxCount = 32;

    /// <summary>The longest rule, in characters.</summary>
    public const int MaxLength = 500;

    /// <summary>Creates the set; the rules are assumed valid (the validator checked them).</summary>
    public SweepConstraints(IEnumerable<SweepConstraint> rules) => Rules = [.. rules];

    /// <summary>No rules: every configuration of the space is allowed.</summary>
    public static SweepConstraints Empty { get; } = new([]);

    /// <summary>The rules in the file's order.</summary>
    public ImmutableArray<SweepConstraint> Rules { get; }

    /// <summary>Whether there are no rules.</summary>
    public bool IsEmpty => Rules.IsEmpty;

    /// <summary>The rules as written.</summary>
    public IReadOnlyList<string> Texts => [.. Rules.Select(r => r.Text)];

    /// <summary>Parses rules already validated (the stored document); throws on one that does not parse.</summary>
    /// <exception cref="FormatException">A rule is not an expression.</exception>
    public static SweepConstraints Parse(IEnumerable<string> texts) =>
        new(texts.Select(t => SweepConstraint.TryParse(t, out var error) ?? throw new FormatException(error)));

    /// <summary>Whether every rule that applies to <paramref name="configuration"/> holds.</summary>
    public bool IsSatisfiedBy(IReadOnlyDictionary<string, ParameterValue> configuration)
    {
        foreach (var rule in Rules)
        {
            if (rule.IsSatisfiedBy(configuration) == false)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// Checks a configuration someone chose (an enqueued one): null when every applicable rule holds, otherwise the
    /// reason in words, naming the first rule it breaks, e.g. <c>violates constraints[0] 'depth * width &lt;= 1024'</c>.
    /// </summary>
    public string? Check(IReadOnlyDictionary<string, ParameterValue> configuration)
    {
        for (var i = 0; i < Rules.Length; i++)
        {
            var outcome = Rules[i].Evaluate(configuration, out var problem);
            if (outcome is RuleOutcome.True or RuleOutcome.NotApplicable)
            {
                continue;
            }

            return outcome == RuleOutcome.False
                ? $"violates constraints[{i}] '{Rules[i].Text}'"
                : $"constraints[{i}] '{Rules[i].Text}' cannot be evaluated for it: {problem}";
        }

        return null;
    }

    /// <inheritdoc />
    public bool Equals(SweepConstraints? other) => other is not null && Texts.SequenceEqual(other.Texts, StringComparer.Ordinal);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as SweepConstraints);

    /// <inheritdoc />
    public override int GetHashCode() => Rules.Aggregate(17, (h, r) => HashCode.Combine(h, r.Text));
}
