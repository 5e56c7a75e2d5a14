using System.Globalization;
using System.Text;
using System.Text.Json;
using AeSweep.Application.Contracts;
using AeSweep.Core.Search;
using AeSweep.Storage.Model;

namespace AeSweep.Application;

/// <summary>
/// One row per trial with number, state, objective, duration, every parameter as <c>param.NAME</c> and every final
/// metric as <c>metric.NAME</c> (prefixed: <c>epochs</c> is both a parameter and a metric). CSV follows RFC 4180:
/// a header, CRLF, fields quoted when they must be.
/// </summary>
public static class SweepExportWriter
{
    private static readonly string[] FixedColumns = ["trial_id", "number", "state", "objective", "duration_seconds", "reason"];

    public static SweepExportFile Write(string sweepId, IReadOnlyList<TrialSnapshot> trials, ExportFormat format) => format == ExportFormat.Csv
        ? new SweepExportFile(Encoding.UTF8.GetBytes(Csv(trials)), "text/csv; charset=utf-8", $"{sweepId}.csv")
        : new SweepExportFile(JsonSerializer.SerializeToUtf8Bytes(new SweepExportView(sweepId, trials.Select(ContractMapping.Exported).ToList())), "application/json", $"{sweepId}.json");

    public static string Csv(IReadOnlyList<TrialSnapshot> trials)
    {
        var parameters = trials.SelectMany(t => t.Parameters.Keys).Distinct().Order(StringComparer.Ordinal).ToList();
        var metrics = trials.SelectMany(t => t.FinalMetrics?.Keys ?? []).Distinct().Order(StringComparer.Ordinal).ToList();
        var text = new StringBuilder();
        WriteRow(text, [.. FixedColumns, .. parameters.Select(p => "param." + p), .. metrics.Select(m => "metric." + m)]);
        foreach (var t in trials)
        {
            WriteRow(text, [
                t.Id,
                t.Number.ToString(CultureInfo.InvariantCulture),
                ContractMapping.Name(t.State),
                Number(t.ObjectiveValue),
                Number(ContractMapping.Duration(t)),
                t.Reason ?? string.Empty,
                .. parameters.Select(p => t.Parameters.TryGetValue(p, out var v) ? Value(v) : string.Empty),
                .. metrics.Select(m => t.FinalMetrics?.TryGetValue(m, out var v) == true ? Number(v) : string.Empty),
            ]);
        }

        return text.ToString();
    }

    /// <summary>RFC 4180: a field with a comma, quote, CR or LF is quoted, its quotes doubled; records end in CRLF.</summary>
    public static string Field(string value) =>
        value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;

    private static void WriteRow(StringBuilder text, IEnumerable<string> fields) =>
        text.Append(string.Join(',', fields.Select(Field))).Append("\r\n");

    private static string Number(double? value) => value is { } v ? v.ToString("R", CultureInfo.InvariantCulture) : string.Empty;

    private static string Value(ParameterValue value) => value.IsNumeric
        ? value.Kind == ParameterValueKind.Integer ? value.AsLong().ToString(CultureInfo.InvariantCulture) : Number(value.AsDouble())
        : value.AsString();
}
