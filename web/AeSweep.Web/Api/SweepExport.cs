using System.Globalization;
using System.Text;
using System.Text.Json;
using AeSweep.Core.Search;
using AeSweep.Storage;
using AeSweep.Storage.Model;
using Microsoft.AspNetCore.Http;

namespace AeSweep.Web.Api;

/// <summary>
/// <c>GET /api/sweeps/{id}/export?format=csv|json</c>: one row per trial with number, state, objective, duration,
/// every parameter as <c>param.NAME</c> and every final metric as <c>metric.NAME</c> (prefixed: <c>epochs</c> is
/// both a parameter and a metric). CSV follows RFC 4180: a header, CRLF, fields quoted when they must be.
/// </summary>
public static class SweepExport
{
    private static readonly string[] FixedColumns = ["trial_id", "number", "state", "objective", "duration_seconds", "reason"];

    public static async Task<IResult> ExportAsync(string id, string? format, ISweepReadModel store, CancellationToken ct)
    {
        if (format is not ("csv" or "json"))
        {
            return ApiProblems.BadRequest("format", format is null ? "required: csv or json" : $"'{format}' is not csv or json");
        }

        if (await store.GetSweepAsync(id, ct) is null)
        {
            return ApiProblems.NotFound("sweep", id);
        }

        var trials = await AllTrialsAsync(store, id, ct);
        return format == "csv"
            ? Results.File(Encoding.UTF8.GetBytes(Csv(trials)), "text/csv; charset=utf-8", $"{id}.csv")
            : Results.File(Json(id, trials), "application/json", $"{id}.json");
    }

    public static async Task<List<TrialSnapshot>> AllTrialsAsync(ISweepReadModel store, string sweepId, CancellationToken ct)
    {
        const int pageSize = 1000;
        var all = new List<TrialSnapshot>();
        while (true)
        {
            var page = await store.ListTrialsAsync(sweepId, new TrialQuery(all.Count, pageSize), ct);
            all.AddRange(page.Items);
            if (page.Items.Count < pageSize || all.Count >= page.Total)
            {
                return all;
            }
        }
    }

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
                ApiViews.Name(t.State),
                Number(t.ObjectiveValue),
                Number(ApiViews.Duration(t)),
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

    private static byte[] Json(string sweepId, IReadOnlyList<TrialSnapshot> trials) =>
        JsonSerializer.SerializeToUtf8Bytes(new
        {
            sweep_id = sweepId,
            trials = trials.Select(t => new
            {
                trial_id = t.Id,
                number = t.Number,
                state = ApiViews.Name(t.State),
                objective = t.ObjectiveValue is { } o && double.IsFinite(o) ? o : (double?)null,
                duration_seconds = ApiViews.Duration(t),
                reason = t.Reason,
                parameters = ApiViews.Parameters(t.Parameters),
                metrics = ApiViews.Metrics(t.FinalMetrics),
            }),
        });
}
