using AeSweep.Core.Definitions;
using AeSweep.Core.Definitions.Stored;

namespace AeSweep.Core.Tests.Definitions;

/// <summary><c>dataset.label_column</c>: a CSV column of class labels, by header name or 0-based index.</summary>
public sealed class LabelColumnTests
{
    private static string Sweep(string dataset) => $$"""
        name: labelled
        dataset: {{dataset}}
        model: dense
        method: random
        parameters:
          code_size: {values: [2, 4]}
          epochs:    {value: 2}
        budget: {max_trials: 2}
        """;

    [Theory]
    [InlineData("{type: csv, path: data.csv, label_column: class}", "class")]
    [InlineData("{type: csv, path: data.csv, label_column: 3}", "3")]
    [InlineData("{type: csv, path: data.csv, label_column: \"3\"}", "3")]
    public void A_csv_label_column_is_read_as_a_name_or_an_index(string dataset, string expected)
    {
        var result = SweepDefinitionParser.Parse(Sweep(dataset));

        Assert.True(result.IsValid, string.Join(Environment.NewLine, result.Errors));
        Assert.Equal(expected, result.Definition!.Dataset!.LabelColumn);
        Assert.True(result.Definition.Dataset.HasLabels);
    }

    [Fact]
    public void Without_a_label_column_a_csv_dataset_has_no_labels()
    {
        var dataset = SweepDefinitionParser.Parse(Sweep("{type: csv, path: data.csv}")).Definition!.Dataset!;

        Assert.Null(dataset.LabelColumn);
        Assert.False(dataset.HasLabels);
    }

    [Theory]
    [InlineData("fashion-mnist", true)]
    [InlineData("{type: synthetic}", true)]
    [InlineData("{type: idx, images: i.idx}", false)]
    [InlineData("{type: idx, images: i.idx, labels: l.idx}", true)]
    public void Datasets_say_whether_they_carry_labels(string dataset, bool expected) =>
        Assert.Equal(expected, SweepDefinitionParser.Parse(Sweep(dataset)).Definition!.Dataset!.HasLabels);

    [Theory]
    [InlineData("{type: csv, path: data.csv, label_column: 2.5}")]
    [InlineData("{type: csv, path: data.csv, label_column: 2000000}")]
    [InlineData("{type: csv, path: data.csv, label_column: \"a,b\"}")]
    [InlineData("{type: synthetic, label_column: 0}")]
    [InlineData("{name: fashion-mnist, label_column: 0}")]
    public void A_bad_or_misplaced_label_column_is_an_error_at_its_path(string dataset)
    {
        var result = SweepDefinitionParser.Parse(Sweep(dataset));

        var error = Assert.Single(result.Errors);
        Assert.Equal("dataset.label_column", error.Path);
    }

    [Fact]
    public void The_label_column_survives_the_stored_document_and_the_canonical_json()
    {
        var definition = SweepDefinitionParser.Parse(Sweep("{type: csv, path: data.csv, normalize: standard, label_column: species}")).Definition!;

        Assert.Equal(definition, StoredSweepDocument.Read(StoredSweepDocument.Write(definition)));
        Assert.Equal(definition, SweepDefinitionParser.Parse(SweepDefinitionJsonWriter.Write(definition)).Definition);
    }
}
