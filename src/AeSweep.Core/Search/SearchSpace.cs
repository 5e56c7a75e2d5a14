using System.Collections.Immutable;

namespace AeSweep.Core.Search;

/// <summary>
/// The hyperparameters of a sweep, ordered so that every conditional parameter comes after the
/// parameter its condition reads (the validator rejects cycles and forward references).
/// </summary>
public sealed class SearchSpace : IEquatable<SearchSpace>
{
    private readonly Dictionary<string, SearchParameter> _byName;

    /// <summary>Creates a search space; parameters must already be in dependency order.</summary>
    public SearchSpace(IEnumerable<SearchParameter> parameters)
    {
        Parameters = [.. parameters];
        _byName = Parameters.ToDictionary(p => p.Name, StringComparer.Ordinal);
    }

    /// <summary>An empty space (a single configuration with no parameters).</summary>
    public static SearchSpace Empty { get; } = new([]);

    /// <summary>The parameters in dependency order.</summary>
    public ImmutableArray<SearchParameter> Parameters { get; }

    /// <summary>Looks a parameter up by name.</summary>
    public SearchParameter? Find(string name) => _byName.GetValueOrDefault(name);

    /// <summary>True when every parameter is discrete, so grid search can enumerate the space.</summary>
    public bool IsDiscrete => Parameters.All(p => p.Distribution.IsDiscrete);

    /// <summary>
    /// Whether <paramref name="parameter"/> exists given the values chosen so far. A parameter whose
    /// parent is inactive is inactive too.
    /// </summary>
    public bool IsActive(SearchParameter parameter, IReadOnlyDictionary<string, ParameterValue> assignment)
    {
        if (parameter.Condition is not { } condition)
        {
            return true;
        }

        return assignment.TryGetValue(condition.Parent, out var parentValue) && condition.IsSatisfiedBy(parentValue);
    }

    /// <summary>Draws one configuration uniformly at random, honouring conditions.</summary>
    public IReadOnlyDictionary<string, ParameterValue> SampleRandom(Random random)
    {
        var assignment = new Dictionary<string, ParameterValue>(StringComparer.Ordinal);
        foreach (var parameter in Parameters)
        {
            if (IsActive(parameter, assignment))
            {
                assignment[parameter.Name] = parameter.Distribution.Sample(random);
            }
        }

        return assignment;
    }

    /// <summary>
    /// Checks that a configuration belongs to this space: every active parameter has a value its
    /// distribution can produce, and no inactive or unknown parameter has one.
    /// </summary>
    /// <returns>An empty list when it belongs; otherwise one message per problem.</returns>
    public IReadOnlyList<string> Check(IReadOnlyDictionary<string, ParameterValue> configuration)
    {
        var problems = new List<string>();
        foreach (var parameter in Parameters)
        {
            var active = IsActive(parameter, configuration);
            var present = configuration.TryGetValue(parameter.Name, out var value);
            if (active && !present)
            {
                problems.Add($"{parameter.Name}: missing");
            }
            else if (!active && present)
            {
                problems.Add($"{parameter.Name}: present although its condition on '{parameter.Condition!.Parent}' does not hold");
            }
            else if (present && !parameter.Distribution.Contains(value))
            {
                problems.Add($"{parameter.Name}: {value} is outside its distribution");
            }
        }

        problems.AddRange(configuration.Keys.Where(k => !_byName.ContainsKey(k)).Select(k => $"{k}: not a parameter of this space"));
        return problems;
    }

    /// <inheritdoc />
    public bool Equals(SearchSpace? other) => other is not null && Parameters.SequenceEqual(other.Parameters);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as SearchSpace);

    /// <inheritdoc />
    public override int GetHashCode() => Parameters.Aggregate(17, (h, p) => HashCode.Combine(h, p.Name));
}
