using System.Globalization;
using AeSweep.Core.Search;

namespace AeSweep.Core.Definitions;

/// <summary>
/// Checks a configuration a user gives (an <c>enqueue:</c> entry of the sweep file, the body of
/// <c>POST /api/sweeps/{id}/trials</c>, a CLI <c>--param</c>) against a sweep's search space: every name is a
/// parameter, every value is of its kind and within its bounds or choices, conditional parameters are given exactly
/// when their condition holds, and the sweep's constraints hold. A parameter with one possible value (a constant) may be left out and is filled in.
/// An integer given for a float parameter becomes a float, and a whole float for an integer one an integer, as the
/// sweep file reads numbers. Errors name the field path: <c>PREFIX.NAME</c> (e.g. <c>enqueue[1].width</c>).
/// </summary>
public static class ConfigurationCheck
{
    /// <summary>Most configurations one sweep file may enqueue (and one request may carry).</summary>
    public const int MaxEnqueued = 1000;

    /// <summary>The configuration as the sampler would have written it, or the errors (never both).</summary>
    public static (IReadOnlyDictionary<string, ParameterValue>? Configuration, IReadOnlyList<ValidationError> Errors) Resolve(
        SearchSpace space,
        IReadOnlyDictionary<string, ParameterValue> given,
        string pathPrefix,
        IReadOnlyDictionary<string, int>? lines = null,
        Search.Constraints.SweepConstraints? constraints = null)
    {
        ArgumentNullException.ThrowIfNull(space);
        ArgumentNullException.ThrowIfNull(given);
        var errors = new List<ValidationError>();
        int? LineOf(string name) => lines is not null && lines.TryGetValue(name, out var line) ? line : null;
        string PathOf(string name) => string.IsNullOrEmpty(pathPrefix) ? name : $"{pathPrefix}.{name}";

        var names = space.Parameters.Select(p => p.Name).ToArray();
        foreach (var name in given.Keys.Where(k => space.Find(k) is null).Order(StringComparer.Ordinal))
        {
            errors.Add(new ValidationError(PathOf(name), LineOf(name),
                NameSuggestions.WithSuggestion($"not a parameter of this sweep ({string.Join(", ", names)})", name, names)));
        }

        var configuration = new Dictionary<string, ParameterValue>(StringComparer.Ordinal);
        foreach (var parameter in space.Parameters)
        {
            var active = space.IsActive(parameter, configuration);
            var present = given.TryGetValue(parameter.Name, out var value);
            if (!active)
            {
                if (present)
                {
                    errors.Add(new ValidationError(PathOf(parameter.Name), LineOf(parameter.Name),
                        $"not used by this configuration: it exists only when its condition on '{parameter.Condition!.Parent}' holds"));
                }

                continue;
            }

            if (!present)
            {
                if (parameter.Distribution is ConstantDistribution constant)
                {
                    configuration[parameter.Name] = constant.Value;
                }
                else
                {
                    errors.Add(new ValidationError(PathOf(parameter.Name), null, $"required: {Describe(parameter.Distribution)}"));
                }

                continue;
            }

            if (Coerce(parameter.Distribution, value) is { } accepted)
            {
                configuration[parameter.Name] = accepted;
            }
            else
            {
                errors.Add(new ValidationError(PathOf(parameter.Name), LineOf(parameter.Name), $"{Show(value)} is not allowed: {Describe(parameter.Distribution)}"));
            }
        }

        // The sweep's constraints hold for enqueued configurations too, as for every sampled one.
        if (errors.Count == 0 && constraints?.Check(configuration) is { } broken)
        {
            errors.Add(new ValidationError(string.IsNullOrEmpty(pathPrefix) ? "parameters" : pathPrefix, null, broken));
        }

        return errors.Count > 0 ? (null, errors) : (configuration, errors);
    }

    /// <summary>The value in the distribution's own kind when the distribution can produce it; null otherwise.</summary>
    private static ParameterValue? Coerce(ParameterDistribution distribution, ParameterValue value)
    {
        switch (distribution)
        {
            case IntDistribution when value.IsNumeric && value.AsDouble() is var d && d == Math.Floor(d) && Math.Abs(d) < 1e15:
                var whole = ParameterValue.Of((long)d);
                return distribution.Contains(whole) ? whole : null;
            case FloatDistribution when value.IsNumeric:
                var real = ParameterValue.Of(value.AsDouble());
                return distribution.Contains(real) ? real : null;
            case CategoricalDistribution categorical:
                // The choice itself, so 3 given for the choice 3.0 is stored as the sampler would store it.
                var index = categorical.IndexOf(value);
                return index >= 0 ? categorical.Choices[index] : null;
            case ConstantDistribution constant:
                return constant.Value.Equals(value) ? constant.Value : null;
            default:
                return null;
        }
    }

    private static string Describe(ParameterDistribution distribution) => distribution switch
    {
        IntDistribution i => i.Step > 1
            ? $"an integer from {i.Low} to {i.High} in steps of {i.Step}"
            : $"an integer from {i.Low} to {i.High}",
        FloatDistribution f => f.Step is { } step
            ? $"a number from {Format(f.Low)} to {Format(f.High)} in steps of {Format(step)}"
            : $"a number from {Format(f.Low)} to {Format(f.High)}",
        CategoricalDistribution c => $"one of {string.Join(", ", c.Choices.Select(Show))}",
        ConstantDistribution k => $"always {Show(k.Value)}",
        _ => "a value of its distribution",
    };

    private static string Show(ParameterValue value) => value.Kind == ParameterValueKind.String ? $"'{value.AsString()}'" : value.ToString();

    private static string Format(double v) => v.ToString("G", CultureInfo.InvariantCulture);
}
