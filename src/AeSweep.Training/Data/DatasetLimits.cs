using System.Globalization;

namespace AeSweep.Training.Data;

/// <summary>
/// How much of a dataset file a reader takes before it stops with an error: a device such as <c>/dev/zero</c>, a
/// file without line breaks or a header that lies about its size must end a trial, not exhaust the server's memory.
/// Set with <c>AESWEEP_MAX_DATASET_BYTES</c> (default 4 GiB) and <c>AESWEEP_MAX_CSV_LINE_CHARS</c> (default 16 Mi).
/// </summary>
/// <param name="MaxBytes">The most bytes read from one file (after gzip decompression, for IDX files).</param>
/// <param name="MaxLineChars">The longest CSV line, in characters.</param>
public sealed record DatasetLimits(long MaxBytes, int MaxLineChars)
{
    public const string MaxBytesVariable = "AESWEEP_MAX_DATASET_BYTES";
    public const string MaxLineCharsVariable = "AESWEEP_MAX_CSV_LINE_CHARS";
    public const long DefaultMaxBytes = 4L << 30;
    public const int DefaultMaxLineChars = 16 << 20;

    /// <summary>The limits from the environment, or the defaults; a malformed setting is an error, not silently ignored.</summary>
    public static DatasetLimits FromEnvironment() => new(
        Read(MaxBytesVariable, DefaultMaxBytes, long.MaxValue),
        (int)Read(MaxLineCharsVariable, DefaultMaxLineChars, Array.MaxLength));

    private static long Read(string variable, long fallback, long max)
    {
        var text = Environment.GetEnvironmentVariable(variable);
        if (string.IsNullOrWhiteSpace(text))
        {
            return fallback;
        }

        if (!long.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value < 1 || value > max)
        {
            throw new InvalidOperationException($"{variable} must be a whole number from 1 to {max:N0}, not '{text}'");
        }

        return value;
    }

    internal static string Describe(long bytes) => bytes switch
    {
        >= 1L << 30 when bytes % (1L << 30) == 0 => $"{bytes >> 30} GiB",
        >= 1L << 20 when bytes % (1L << 20) == 0 => $"{bytes >> 20} MiB",
        _ => $"{bytes:N0} bytes",
    };
}
