using AeSweep.Core.Definitions;
using AeSweep.Core.Definitions.Stored;
using AeSweep.Core.Search;
using AeSweep.Core.Trials;

namespace AeSweep.Core.Tests.Definitions.Stored;

/// <summary>
/// The stored form of a sweep: what was stored before versions existed still loads as the parser read it, what the
/// validator would refuse today still loads, and only a document that cannot be understood is refused, naming the field.
/// </summary>
public sealed class StoredSweepDocumentTests
{
    private static string FixtureFolder => Path.Combine(RepositoryPaths.Root, "tests", "AeSweep.Core.Tests", "Fixtures", "StoredV1");

    public static TheoryData<string> VersionOneFixtures() => new(FixtureNames());

    private static IEnumerable<string> FixtureNames() =>
        Directory.GetFiles(FixtureFolder, "*.json").Select(Path.GetFileName).OfType<string>().Where(f => f != TightenedRules).Order(StringComparer.Ordinal);

    private const string TightenedRules = "tightened-rules.json";

    // Examples written after version 1 was replaced have no version-1 document (the fixtures are never regenerated);
    // Examples_added_after_version_one_round_trip_through_the_current_version covers them.
    private static readonly string[] ExamplesAfterVersionOne = ["fashion-anomaly", "fashion-finalists", "fashion-demo-dense", "fashion-demo-vae", "fashion-constrained"];

    public static TheoryData<string> LaterExamples() => new(ExamplesAfterVersionOne);

    [Theory]
    [MemberData(nameof(LaterExamples))]
    public void Examples_added_after_version_one_round_trip_through_the_current_version(string example)
    {
        var definition = SweepDefinitionParser.ParseFile(Path.Combine(RepositoryPaths.Examples, example + ".yaml"), checkFilesExist: false).Definition!;

        Assert.Equal(definition, StoredSweepDocument.Read(StoredSweepDocument.Write(definition)));
    }

    [Fact]
    public void The_fixtures_cover_every_example_and_every_kind_of_sweep()
    {
        var fixtures = FixtureNames().ToHashSet(StringComparer.Ordinal);
        foreach (var example in Directory.GetFiles(RepositoryPaths.Examples, "*.yaml").Where(e => !ExamplesAfterVersionOne.Contains(Path.GetFileNameWithoutExtension(e))))
        {
            Assert.Contains(Path.GetFileNameWithoutExtension(example) + ".json", fixtures);
        }

        var definitions = fixtures.Select(f => StoredSweepDocument.Read(Fixture(f))).ToArray();
        Assert.Contains(definitions, d => d.Program is { AskTell: true });
        Assert.Contains(definitions, d => d.Program is { AskTell: false });
        Assert.Contains(definitions, d => d.Method == SearchMethod.Grid);
        Assert.Contains(definitions, d => d.SearchSpace.Parameters.Any(p => p.Condition is { Values: not null }));
        Assert.Contains(definitions, d => d.SearchSpace.Parameters.Any(p => p.Condition is { Values: null }));
        Assert.Contains(definitions, d => d.ModelFamilies.Contains(ModelFamily.Vae));
        foreach (var kind in Enum.GetValues<DatasetSourceKind>())
        {
            Assert.Contains(definitions, d => d.Dataset?.Kind == kind);
        }

        // PASHA came after version 1, so no stored version-1 document names it: A_pasha_pruner_reads_back_as_written covers it.
        foreach (var pruner in Enum.GetValues<EarlyTerminateType>().Where(t => t != EarlyTerminateType.Pasha))
        {
            Assert.Contains(definitions, d => d.EarlyTerminate.Type == pruner);
        }
    }

    [Theory]
    [MemberData(nameof(VersionOneFixtures))]
    public void A_document_stored_before_versions_existed_reads_as_the_parser_read_it(string fixture)
    {
        var text = Fixture(fixture);
        var parsed = SweepDefinitionParser.Parse(text);
        Assert.True(parsed.IsValid, string.Join(Environment.NewLine, parsed.Errors));

        var read = StoredSweepDocument.Read(text);

        Assert.Equal(parsed.Definition, read);
    }

    [Theory]
    [MemberData(nameof(VersionOneFixtures))]
    public void A_version_one_document_written_again_reads_back_equal(string fixture)
    {
        var definition = StoredSweepDocument.Read(Fixture(fixture));

        var written = StoredSweepDocument.Write(definition);

        Assert.Contains($"\"{StoredSweepDocument.VersionField}\": {StoredSweepDocument.CurrentVersion}", written, StringComparison.Ordinal);
        Assert.Equal(definition, StoredSweepDocument.Read(written));
        Assert.Equal(written, StoredSweepDocument.Write(StoredSweepDocument.Read(written)));
    }

    [Fact]
    public void A_document_the_validator_would_refuse_today_still_loads()
    {
        var text = Fixture(TightenedRules);
        Assert.False(SweepDefinitionParser.Parse(text).IsValid);

        var definition = StoredSweepDocument.Read(text);

        Assert.Equal("cifar-10", definition.Dataset!.Name);
        Assert.Equal("val_lpips", definition.Metric.Name);
        Assert.Equal(new IntDistribution(2, 100_000), definition.SearchSpace.Find("code_size")!.Distribution);
        Assert.Equal(new FloatDistribution(0.001, 20.0, log: true), definition.SearchSpace.Find("learning_rate")!.Distribution);
        Assert.NotNull(definition.SearchSpace.Find("dropout"));
        Assert.Equal(10_000, definition.Budget.MaxParallel);
    }

    [Fact]
    public void The_current_version_keeps_what_version_one_could_not()
    {
        // A one-choice categorical model, a synthetic dataset under its own name and pruner settings of another type:
        // version 1 folded or dropped these; version 2 reads back exactly what was written.
        var definition = new SweepDefinition(
            "exact",
            new DatasetSpec(DatasetSourceKind.Synthetic, Name: "synthetic", Limit: 10),
            null,
            SearchMethod.Random,
            new MetricSpec("val_ssim", MetricGoal.Maximize),
            new SearchSpace([
                new SearchParameter(SweepDefinition.ModelParameter, new CategoricalDistribution([ParameterValue.Of("dense")])),
                new SearchParameter("epochs", new IntDistribution(1, 9, log: true, step: 2)),
                new SearchParameter("noise_level", new FloatDistribution(0, 1, step: 0.25), new ParameterCondition("epochs", Min: 3, Max: 7)),
            ]),
            new EarlyTerminateSpec(EarlyTerminateType.Median, MinEpochs: 4, ReductionFactor: 5, MaxEpochs: 9, StartupTrials: 2, WarmupEpochs: 1),
            new BudgetSpec(7, 3, 12.5) { MaxTrialMinutes = 2, MaxFailedTrials = 1, MaxAttempts = 9 },
            Seed: 99);

        Assert.Equal(definition, StoredSweepDocument.Read(StoredSweepDocument.Write(definition)));
    }

    [Fact]
    public void A_pasha_pruner_reads_back_as_written()
    {
        var parsed = SweepDefinitionParser.Parse(Fixture("synthetic-median.json").Replace("\"median\"", "\"pasha\"", StringComparison.Ordinal).Replace("\"startup_trials\": 5,\n    \"warmup_epochs\": 0", "\"min_iter\": 1, \"eta\": 2", StringComparison.Ordinal));
        Assert.True(parsed.IsValid, string.Join(Environment.NewLine, parsed.Errors));
        var definition = parsed.Definition!;

        var written = StoredSweepDocument.Write(definition);

        Assert.Equal(new EarlyTerminateSpec(EarlyTerminateType.Pasha, MinEpochs: 1, ReductionFactor: 2), definition.EarlyTerminate);
        Assert.Contains("\"type\": \"pasha\"", written, StringComparison.Ordinal);
        Assert.Equal(definition, StoredSweepDocument.Read(written));
    }

    [Fact]
    public void A_document_from_a_newer_version_is_refused_naming_the_version()
    {
        var text = Fixture("fashion-demo.json").Replace("{", "{\n  \"document_version\": 3,", StringComparison.Ordinal);

        var ex = Assert.Throws<StoredSweepDocumentException>(() => StoredSweepDocument.Read(text));

        Assert.Equal(StoredSweepDocument.VersionField, ex.Field);
        Assert.Contains("newer", ex.Message, StringComparison.Ordinal);
    }

    public static TheoryData<string, string> StructuralProblems() => new()
    {
        { "not json at all", StoredSweepDocumentException.DocumentField },
        { "[1, 2]", StoredSweepDocumentException.DocumentField },
        { """{"method": "tpe"}""", "name" },
        { """{"name": "x", "method": "bayes"}""", "method" },
        { """{"name": "x", "method": "tpe", "seed": "soon"}""", "seed" },
        { """{"name": "x", "method": "tpe", "parameters": {"a": {"distribution": "uniform", "max": 1.0}}}""", "parameters.a.min" },
        { """{"name": "x", "method": "tpe", "parameters": {"a": {"value": 1, "when": {"b": [1]}}, "b": {"value": 1}}}""", "parameters.a.when.b" },
        { """{"name": "x", "method": "tpe", "parameters": {"a": {"values": []}}}""", "parameters.a.values" },
        { """{"name": "x", "method": "tpe", "budget": {"max_trials": 2.5}}""", "budget.max_trials" },
        { """{"name": "x", "method": "tpe", "dataset": {"type": "parquet"}}""", "dataset.type" },
    };

    [Theory]
    [MemberData(nameof(StructuralProblems))]
    public void A_document_that_cannot_be_understood_is_refused_naming_the_field(string text, string field)
    {
        var ex = Assert.Throws<StoredSweepDocumentException>(() => StoredSweepDocument.Read(text));

        Assert.Equal(field, ex.Field);
        Assert.StartsWith($"stored sweep document: {field}: ", ex.Message, StringComparison.Ordinal);
        Assert.Null(StoredSweepDocument.ReadOrNull(text));
    }

    [Fact]
    public void Parameter_values_keep_their_kind()
    {
        var definition = StoredSweepDocument.Read("""
            {"document_version": 2, "name": "kinds", "method": "grid",
             "parameters": {"v": {"values": [1, 1.0, 1e-3, "1", true]}}}
            """);

        var choices = ((CategoricalDistribution)definition.SearchSpace.Find("v")!.Distribution).Choices;
        ParameterValueKind[] expected =
            [ParameterValueKind.Integer, ParameterValueKind.Float, ParameterValueKind.Float, ParameterValueKind.String, ParameterValueKind.Boolean];
        Assert.Equal(expected, choices.Select(c => c.Kind).ToArray());
    }

    private static string Fixture(string name) => File.ReadAllText(Path.Combine(FixtureFolder, name));
}
