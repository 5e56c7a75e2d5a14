using System.Collections.Immutable;
using AeSweep.Core.Search;

namespace AeSweep.Core.Definitions.Stored;

/// <summary>
/// The <c>parameters</c> of a stored document, in the order stored (the writers store a search space in its
/// dependency order). Values are taken as they are: no bounds, no catalog of known names.
/// </summary>
internal static class StoredSearchSpaceReader
{
    public static SearchSpace Read(StoredField? parameters, StoredField? model)
    {
        var read = new List<SearchParameter>();
        if (model is { } modelField)
        {
            read.Add(new SearchParameter(SweepDefinition.ModelParameter, ReadModel(modelField)));
        }

        foreach (var (name, spec) in parameters?.Properties() ?? [])
        {
            if (read.Any(p => p.Name == name))
            {
                throw new StoredSweepDocumentException(spec.Path, "is stored twice");
            }

            var condition = spec.Optional("when") is { } when ? ReadCondition(when, read) : null;
            read.Add(new SearchParameter(name, ReadDistribution(spec), condition));
        }

        return new SearchSpace(read);
    }

    // Version 1 wrote the family list as the sweep file has it; one family is a constant, as the validator made it.
    private static ParameterDistribution ReadModel(StoredField field)
    {
        var values = field.Optional("value") is { } value ? [value.Value()] : ReadChoices(field.Required("values"));
        return values.Length == 1 ? new ConstantDistribution(values[0]) : new CategoricalDistribution(values);
    }

    private static ParameterDistribution ReadDistribution(StoredField spec)
    {
        if (spec.Optional("value") is { } value)
        {
            return new ConstantDistribution(value.Value());
        }

        if (spec.Optional("values") is { } values)
        {
            return new CategoricalDistribution(ReadChoices(values));
        }

        var kind = spec.Optional("distribution") ?? throw new StoredSweepDocumentException(spec.Path, "needs value, values or distribution");
        var q = spec.Optional("q");
        var integerValues = spec.Optional("integer_values")?.Boolean() ?? false;
        return kind.String() switch
        {
            "normal" or "q_normal" => Prior(PriorKind.Normal, "mu", "sigma"),
            "log_normal" or "q_log_normal" => Prior(PriorKind.LogNormal, "mu", "sigma"),
            "beta" or "q_beta" => Prior(PriorKind.Beta, "a", "b"),
            "q_uniform" => Prior(PriorKind.Uniform, "min", "max"),
            "log_uniform" or "q_log_uniform" => Prior(PriorKind.LogUniform, "min", "max"),
            "int_uniform" => new IntDistribution(spec.Required("min").Long(), spec.Required("max").Long(), step: q?.Long() ?? 1),
            "int_log_uniform" => new IntDistribution(spec.Required("min").Long(), spec.Required("max").Long(), log: true, step: q?.Long() ?? 1),
            "uniform" => new FloatDistribution(spec.Required("min").Number(), spec.Required("max").Number(), step: q?.Number()),
            "log_uniform_values" => new FloatDistribution(spec.Required("min").Number(), spec.Required("max").Number(), log: true, step: q?.Number()),
            _ => throw kind.Wrong("int_uniform, int_log_uniform, uniform, log_uniform_values or a W&B prior"),
        };

        PriorDistribution Prior(PriorKind priorKind, string first, string second) =>
            new(priorKind, spec.Required(first).Number(), spec.Required(second).Number(), q?.Number(), integerValues);
    }

    private static ImmutableArray<ParameterValue> ReadChoices(StoredField field)
    {
        var choices = field.Items().Select(item => item.Value()).ToImmutableArray();
        return choices.Length > 0 ? choices : throw field.Wrong("a list of at least one value");
    }

    private static ParameterCondition ReadCondition(StoredField when, List<SearchParameter> earlier)
    {
        var entries = when.Properties().ToArray();
        if (entries.Length != 1)
        {
            throw when.Wrong("an object naming exactly one parameter");
        }

        var (parent, test) = entries[0];

        // A condition reads a parameter sampled before it; anything else is not a search space.
        if (!earlier.Any(p => p.Name == parent))
        {
            throw new StoredSweepDocumentException(test.Path, $"names '{parent}', which is not a parameter stored before this one");
        }

        if (test.Element.ValueKind == System.Text.Json.JsonValueKind.Array)
        {
            return new ParameterCondition(parent, Values: [.. test.Items().Select(item => item.Value())]);
        }

        var min = test.Optional("min")?.Number();
        var max = test.Optional("max")?.Number();
        return min is not null || max is not null ? new ParameterCondition(parent, Min: min, Max: max) : throw test.Wrong("a list of values or {min, max}");
    }
}
