using AeSweep.Core.Search;

namespace AeSweep.Web.Dashboard;

/// <summary>The compare page's configuration table: every parameter of the compared trials, and whether their values differ.</summary>
public static class ConfigurationDiff
{
    public sealed record Row(string Parameter, IReadOnlyList<ParameterValue?> Values, bool Differs);

    /// <summary>One row per parameter (union over the trials, in first-seen order); a parameter missing from a trial counts as different.</summary>
    public static IReadOnlyList<Row> Build(IReadOnlyList<IReadOnlyDictionary<string, ParameterValue>> configurations)
    {
        var names = configurations.SelectMany(c => c.Keys).Distinct(StringComparer.Ordinal).ToList();
        return [.. names.Select(name =>
        {
            var values = configurations.Select(c => c.TryGetValue(name, out var v) ? v : (ParameterValue?)null).ToList();
            return new Row(name, values, values.Distinct().Count() > 1);
        })];
    }
}
