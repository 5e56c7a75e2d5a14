using AeSweep.Core.Definitions;
using AeSweep.Core.Definitions.Stored;

namespace AeSweep.Core.Tests.Definitions;

/// <summary>model: lstm and the sequence datasets (synthetic-sequences, csv-sequences): defaults, bounds, field paths, stored form.</summary>
public sealed class SequenceDatasetTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "aesweep-sequence-tests", Guid.NewGuid().ToString("N"));

    public SequenceDatasetTests()
    {
        Directory.CreateDirectory(_directory);
        File.WriteAllLines(
            Path.Combine(_directory, "series.csv"),
            ["time,temperature,pressure", .. Enumerable.Range(0, 100).Select(t => $"{t},{Math.Sin(t / 5.0):R},{Math.Cos(t / 7.0):R}")]);
    }

    private static string Sweep(string dataset, string model = "lstm") => $$"""
        name: sequences
        dataset: {{dataset}}
        model: {{model}}
        method: random
        parameters:
          code_size: {value: 8}
          epochs:    {value: 2}
        budget: {max_trials: 2}

        """;

    private SweepParseResult ParseHere(string text) => SweepDefinitionParser.Parse(text, new SweepParseOptions("s.yaml", _directory, CheckFilesExist: true));

    private static void AssertError(SweepParseResult result, string path, string fragment)
    {
        Assert.False(result.IsValid);
        Assert.Contains(result.Errors, e => e.Path == path && e.Message.Contains(fragment, StringComparison.Ordinal));
    }

    [Fact]
    public void Synthetic_sequences_take_their_defaults_by_name()
    {
        var byName = SweepDefinitionParser.Parse(Sweep("synthetic-sequences")).Definition!;
        var byMapping = SweepDefinitionParser.Parse(Sweep("{name: synthetic-sequences, limit: 300}")).Definition!;

        Assert.Equal(DatasetSourceKind.SyntheticSequences, byName.Dataset!.Kind);
        Assert.Equal(SequenceSpec.SyntheticDefault, byName.Dataset.Sequence);
        Assert.True(byName.Dataset.IsSequence);
        Assert.False(byName.Dataset.IsImage);
        Assert.Equal(300, byMapping.Dataset!.Limit);
        Assert.Equal([ModelFamily.Lstm], byName.ModelFamilies);
    }

    [Fact]
    public void Synthetic_sequence_settings_are_bounded_with_field_paths()
    {
        var result = SweepDefinitionParser.Parse(Sweep("{name: synthetic-sequences, length: 1, channels: 999, anomaly_share: 0.9, window: 8}"));

        AssertError(result, "dataset.length", "integer");
        AssertError(result, "dataset.channels", "integer");
        AssertError(result, "dataset.anomaly_share", "0.5");
        AssertError(result, "dataset.window", "does not apply");
    }

    [Fact]
    public void Sequence_keys_do_not_apply_to_image_datasets()
    {
        AssertError(SweepDefinitionParser.Parse(Sweep("{name: synthetic, window: 8}", "dense")), "dataset.window", "does not apply");
        AssertError(SweepDefinitionParser.Parse(Sweep("{type: csv, path: x.csv, columns: [a]}", "dense")), "dataset.columns", "does not apply");
    }

    [Fact]
    public void A_csv_series_picks_columns_by_name_and_strides_by_the_window_by_default()
    {
        var definition = ParseHere(Sweep("{type: csv-sequences, path: series.csv, window: 16, columns: [pressure, temperature], validation_split: 0.3}")).Definition!;

        var sequence = definition.Dataset!.Sequence!;
        Assert.Equal(DatasetSourceKind.CsvSequences, definition.Dataset.Kind);
        Assert.Equal(16, sequence.Length);
        Assert.Equal(16, sequence.Stride);
        Assert.Equal(["pressure", "temperature"], sequence.Columns);
        Assert.Equal("minmax", definition.Dataset.Normalize);
    }

    [Fact]
    public void Unknown_columns_and_a_window_longer_than_the_rows_are_reported_with_field_paths()
    {
        var result = ParseHere(Sweep("{type: csv-sequences, path: series.csv, window: 95, columns: [temperature, presure]}"));

        AssertError(result, "dataset.columns[1]", "'presure' is not a column of series.csv");
        AssertError(result, "dataset.columns[1]", "pressure");
        AssertError(result, "dataset.window", "100 rows");
    }

    [Fact]
    public void A_csv_series_needs_a_window_within_bounds_and_distinct_columns()
    {
        AssertError(ParseHere(Sweep("{type: csv-sequences, path: series.csv}")), "dataset.window", "required");
        AssertError(ParseHere(Sweep("{type: csv-sequences, path: series.csv, window: 1}")), "dataset.window", "integer");
        AssertError(ParseHere(Sweep("{type: csv-sequences, path: series.csv, window: 8, stride: 0}")), "dataset.stride", "integer");
        AssertError(ParseHere(Sweep("{type: csv-sequences, path: series.csv, window: 8, columns: [time, time]}")), "dataset.columns[1]", "listed twice");
        AssertError(ParseHere(Sweep("{type: csv-sequences, path: series.csv, window: 8, columns: time}")), "dataset.columns", "list");
        AssertError(ParseHere(Sweep("{type: csv-sequences, path: series.csv, window: 8, length: 8}")), "dataset.length", "does not apply");
    }

    [Fact]
    public void Conv_is_refused_on_sequences_and_lstm_on_tables()
    {
        AssertError(SweepDefinitionParser.Parse(Sweep("synthetic-sequences", "conv")), "model", "conv needs image data");
        AssertError(ParseHere(Sweep("{type: csv, path: series.csv}")), "model", "lstm needs sequences");
    }

    [Fact]
    public void Lstm_reads_images_row_by_row()
    {
        Assert.True(SweepDefinitionParser.Parse(Sweep("{name: synthetic, limit: 100}")).IsValid);
    }

    [Fact]
    public void Image_metrics_are_refused_on_sequences()
    {
        AssertError(SweepDefinitionParser.Parse(Sweep("synthetic-sequences") + "metric: val_ssim\n"), "metric", "defined for images");
    }

    [Theory]
    [InlineData("{name: synthetic-sequences, length: 32, channels: 3, anomaly_share: 0.2, limit: 500}")]
    [InlineData("{type: csv-sequences, path: series.csv, window: 16, stride: 4, columns: [pressure, temperature], normalize: standard, validation_split: 0.3}")]
    [InlineData("{type: csv-sequences, path: series.csv, window: 16, validation_split: 0.2}")]
    public void Sequence_datasets_survive_the_stored_document_and_the_canonical_json(string dataset)
    {
        var definition = ParseHere(Sweep(dataset)).Definition!;

        Assert.Equal(definition, StoredSweepDocument.Read(StoredSweepDocument.Write(definition)));
        Assert.Equal(definition, ParseHere(SweepDefinitionJsonWriter.Write(definition)).Definition);
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
