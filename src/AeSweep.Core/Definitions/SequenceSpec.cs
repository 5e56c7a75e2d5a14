namespace AeSweep.Core.Definitions;

/// <summary>
/// The sequence settings of a sequence dataset (<c>synthetic-sequences</c> or <c>csv-sequences</c>): every sample is a
/// window of <see cref="Length"/> time steps with one value per channel, shaped [N, T, C].
/// </summary>
/// <param name="Length">Time steps per sample: <c>length</c> of synthetic sequences, <c>window</c> of a CSV series.</param>
/// <param name="Channels">Values per time step (synthetic: <c>channels</c>; CSV: the number of chosen columns, 0 = every column).</param>
/// <param name="Stride">Rows between the starts of consecutive CSV windows (0 for synthetic sequences).</param>
/// <param name="AnomalyShare">Synthetic only: the share of sequences with an injected anomaly (a spike or a level shift), labelled 1.</param>
/// <param name="Columns">CSV only: the columns used, by header name, in this order; empty = every column.</param>
public sealed record SequenceSpec(int Length, int Channels, int Stride, double AnomalyShare, IReadOnlyList<string> Columns)
{
    /// <summary>Smallest and largest <c>length</c> / <c>window</c>.</summary>
    public const int MinLength = 2;

    /// <inheritdoc cref="MinLength"/>
    public const int MaxLength = 4096;

    /// <summary>Largest <c>channels</c> and number of <c>columns</c>.</summary>
    public const int MaxChannels = 256;

    /// <summary>Largest <c>anomaly_share</c>: anomalies must stay the minority for detection to mean anything.</summary>
    public const double MaxAnomalyShare = 0.5;

    /// <summary>Defaults of <c>synthetic-sequences</c>: 64 steps, 2 channels, 10% anomalous.</summary>
    public static SequenceSpec SyntheticDefault { get; } = new(64, 2, 0, 0.1, []);

    /// <summary>Equal settings with equal column lists (records compare lists by reference otherwise).</summary>
    public bool Equals(SequenceSpec? other) =>
        other is not null && Length == other.Length && Channels == other.Channels && Stride == other.Stride
        && AnomalyShare.Equals(other.AnomalyShare) && Columns.SequenceEqual(other.Columns, StringComparer.Ordinal);

    /// <inheritdoc/>
    public override int GetHashCode() =>
        HashCode.Combine(Length, Channels, Stride, AnomalyShare, string.Join('\n', Columns));

    // The dataset's identity (and logs) print the columns themselves, not the list's type name.
    private bool PrintMembers(System.Text.StringBuilder builder)
    {
        builder.Append(System.Globalization.CultureInfo.InvariantCulture,
            $"Length = {Length}, Channels = {Channels}, Stride = {Stride}, AnomalyShare = {AnomalyShare:R}, Columns = [{string.Join(", ", Columns)}]");
        return true;
    }
}
