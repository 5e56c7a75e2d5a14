using System.Diagnostics;
using System.Globalization;

namespace AeSweep.Benchmarks.Dashboard;

/// <summary>Runs a step a few times after warm-ups and keeps the median, min and max in milliseconds.</summary>
internal sealed class Timing(int warmups, int repeats)
{
    private readonly List<(string Name, double Median, double Min, double Max, string Note)> _rows = [];

    public IReadOnlyList<(string Name, double Median, double Min, double Max, string Note)> Rows => _rows;

    public async Task<T> MeasureAsync<T>(string name, Func<Task<T>> step, Func<T, string>? note = null)
    {
        for (var i = 0; i < warmups; i++)
        {
            await step();
        }

        var times = new List<double>();
        T last = default!;
        for (var i = 0; i < repeats; i++)
        {
            var clock = Stopwatch.StartNew();
            last = await step();
            times.Add(clock.Elapsed.TotalMilliseconds);
        }

        times.Sort();
        var row = (name, times[times.Count / 2], times[0], times[^1], note?.Invoke(last) ?? "");
        _rows.Add(row);
        Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {name}: median {row.Item2:0.0} ms (min {row.Item3:0.0}, max {row.Item4:0.0}) {row.Item5}"));
        return last;
    }

    public T Measure<T>(string name, Func<T> step, Func<T, string>? note = null) =>
        MeasureAsync(name, () => Task.FromResult(step()), note).GetAwaiter().GetResult();

    public string Markdown() =>
        "| step | median ms | min ms | max ms | note |\n|---|---:|---:|---:|---|\n" + string.Concat(_rows.Select(r =>
            string.Create(CultureInfo.InvariantCulture, $"| {r.Name} | {r.Median:0.0} | {r.Min:0.0} | {r.Max:0.0} | {r.Note} |\n")));
}
