using System.Globalization;
using AeSweep.Application.Contracts;
using AeSweep.Core.Definitions;
using AeSweep.Core.Definitions.Stored;
using AeSweep.Core.Search;
using AeSweep.Core.Search.Samplers;
using AeSweep.Storage.Model;

namespace AeSweep.Application;

/// <summary>
/// Reads a stored sweep's definition for display. The one place the application layer turns stored text back into
/// a <see cref="SweepDefinition"/> (read without user-input validation, so a sweep stored by older code always loads).
/// </summary>
internal static class StoredDefinitions
{
    public static SweepDefinition? Read(SweepSnapshot sweep) => StoredSweepDocument.ReadOrNull(sweep.DefinitionText);

    /// <summary>The sweep's sampler in words; the core owns the wording (<see cref="SamplerFactory.Describe"/>).</summary>
    public static string? Sampler(SweepDefinition? definition) => definition is null ? null
        : definition.MethodAlias is { } alias ? $"{alias} (run as {SamplerFactory.Describe(definition)})" : SamplerFactory.Describe(definition);

    public static DefinitionSummaryView? Summary(SweepSnapshot sweep, SweepDefinition? definition) => definition is null
        ? null
        : new DefinitionSummaryView(
            definition.Method.ToString().ToLowerInvariant(),
            sweep.Seed ?? definition.Seed,
            definition.EarlyTerminate.Type.ToString().ToLowerInvariant(),
            definition.Dataset is { } d ? d.Name ?? d.CsvPath ?? d.ImagesPath ?? d.Kind.ToString().ToLowerInvariant() : null,
            definition.Program is { } p ? string.Join(' ', p.Command) : null,
            definition.SearchSpace.Parameters.Select(p => new ParameterSummaryView(p.Name, Describe(p.Distribution))).ToList(),
            sweep.DefinitionText);

    private static string Describe(ParameterDistribution distribution) => distribution switch
    {
        FloatDistribution f => string.Create(CultureInfo.InvariantCulture, $"float [{f.Low:G6}, {f.High:G6}]{(f.Log ? " log" : string.Empty)}{(f.Step is { } s ? $" step {s:G6}" : string.Empty)}"),
        IntDistribution i => string.Create(CultureInfo.InvariantCulture, $"int [{i.Low}, {i.High}]{(i.Log ? " log" : string.Empty)}{(i.Step != 1 ? $" step {i.Step}" : string.Empty)}"),
        ConstantDistribution c => $"constant {c.Value}",
        PriorDistribution p => p.Describe(),
        _ => $"one of {string.Join(", ", distribution.EnumerateValues())}",
    };
}
