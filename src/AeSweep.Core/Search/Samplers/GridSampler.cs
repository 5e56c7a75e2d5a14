using System.Collections.Immutable;
using System.Globalization;
using System.Text;

namespace AeSweep.Core.Search.Samplers;

/// <summary>
/// Full factorial search over discrete values. Conditional parameters are enumerated as a tree: a child
/// parameter multiplies only the branches where its condition holds, so <c>depth ∈ {1, 2}</c> with
/// <c>width_2</c> active for depth 2 gives the points (1), (2, w₁), (2, w₂) — no duplicates, no gaps.
/// The next point is the first one in grid order that no trial has used yet, derived from the history
/// alone, so a grid resumes after a restart without remembering anything.
/// </summary>
public sealed class GridSampler : ISampler
{
    /// <summary>The largest grid accepted; larger ones are almost always a sweep-file mistake.</summary>
    public const int MaxPoints = 1_000_000;

    private readonly ImmutableArray<ImmutableDictionary<string, ParameterValue>> _points;
    private readonly Dictionary<string, int> _indexByKey;

    /// <summary>Enumerates the grid of <paramref name="space"/>.</summary>
    /// <param name="space">A space whose every parameter is discrete.</param>
    /// <param name="shuffleSeed">
    /// Null: the natural order (parameters in space order, the last one varying fastest). A seed: a
    /// fixed pseudo-random permutation of the same points, which gives better results when the budget
    /// ends before the grid does.
    /// </param>
    /// <param name="constraints">The sweep's constraints: only the points that satisfy them are enumerated (null: all).</param>
    /// <exception cref="ArgumentException">A parameter is continuous, or the grid is larger than <see cref="MaxPoints"/>.</exception>
    public GridSampler(SearchSpace space, long? shuffleSeed = null, Constraints.SweepConstraints? constraints = null)
    {
        var continuous = space.Parameters.Where(p => !p.Distribution.IsDiscrete).Select(p => p.Name).ToList();
        if (continuous.Count > 0)
        {
            throw new ArgumentException(
                $"Grid search needs discrete parameters, but {string.Join(", ", continuous.Select(n => $"'{n}'"))} " +
                (continuous.Count == 1 ? "is a continuous range" : "are continuous ranges") +
                ": list its values (values: [...]) or give it a step (distribution: q_uniform, q: ...).",
                nameof(space));
        }

        var points = new List<ImmutableDictionary<string, ParameterValue>>();
        Enumerate(space, 0, ImmutableDictionary.Create<string, ParameterValue>(StringComparer.Ordinal), points);
        if (constraints is { IsEmpty: false })
        {
            // Infeasible points are not part of the grid: its size, "exhausted" and max_trials count feasible points.
            points.RemoveAll(p => !constraints.IsSatisfiedBy(p));
        }

        if (shuffleSeed is { } seed)
        {
            var random = SeedSequence.For(seed, -1);
            var array = points.ToArray();
            random.Shuffle(array);
            points = [.. array];
        }

        _points = [.. points];
        _indexByKey = new Dictionary<string, int>(_points.Length, StringComparer.Ordinal);
        for (var i = 0; i < _points.Length; i++)
        {
            _indexByKey.TryAdd(KeyOf(_points[i]), i);
        }
    }

    /// <summary>The number of grid points.</summary>
    public int Size => _points.Length;

    /// <summary>Every grid point in the order they are suggested.</summary>
    public IReadOnlyList<ImmutableDictionary<string, ParameterValue>> Points => _points;

    /// <summary>How many grid points no trial in <paramref name="trials"/> has used yet.</summary>
    public int Remaining(IEnumerable<Trials.FrozenTrial> trials) => Size - VisitedIndices(trials).Count;

    /// <inheritdoc />
    /// <remarks>Every trial counts as a visit whatever its state: a failed point is not retried forever.</remarks>
    public IReadOnlyDictionary<string, ParameterValue>? Sample(SamplingContext context)
    {
        var visited = VisitedIndices(context.Trials);
        for (var i = 0; i < _points.Length; i++)
        {
            if (!visited.Contains(i))
            {
                return _points[i];
            }
        }

        return null;
    }

    private HashSet<int> VisitedIndices(IEnumerable<Trials.FrozenTrial> trials)
    {
        var visited = new HashSet<int>();
        foreach (var trial in trials)
        {
            if (_indexByKey.TryGetValue(KeyOf(trial.Parameters), out var index))
            {
                visited.Add(index);
            }
        }

        return visited;
    }

    private static void Enumerate(
        SearchSpace space, int index, ImmutableDictionary<string, ParameterValue> assignment, List<ImmutableDictionary<string, ParameterValue>> points)
    {
        if (index == space.Parameters.Length)
        {
            if (points.Count >= MaxPoints)
            {
                throw new ArgumentException($"The grid has more than {MaxPoints:N0} points; narrow the value lists or use random or TPE search.", nameof(space));
            }

            points.Add(assignment);
            return;
        }

        var parameter = space.Parameters[index];
        if (!space.IsActive(parameter, assignment))
        {
            Enumerate(space, index + 1, assignment, points);
            return;
        }

        foreach (var value in parameter.Distribution.EnumerateValues())
        {
            Enumerate(space, index + 1, assignment.SetItem(parameter.Name, value), points);
        }
    }

    // A canonical text key: parameter order and 3 vs 3.0 must not make one point look like two.
    private static string KeyOf(IReadOnlyDictionary<string, ParameterValue> parameters)
    {
        var builder = new StringBuilder();
        foreach (var (name, value) in parameters.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            builder.Append(name).Append('=');
            builder.Append(value.IsNumeric ? value.AsDouble().ToString("R", CultureInfo.InvariantCulture) : $"{value.Kind}:{value.AsString()}");
            builder.Append('\u001f');
        }

        return builder.ToString();
    }
}
