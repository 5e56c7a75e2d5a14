using System.Globalization;
using System.Security.Cryptography;

namespace AeSweep.Storage;

/// <summary>Short ids people can read aloud and type: 10 characters of a lowercase alphabet without look-alikes.</summary>
internal static class ReadableIds
{
    private const string Alphabet = "23456789abcdefghjkmnpqrstuvwxyz";

    public static string NewSweepId() => RandomNumberGenerator.GetString(Alphabet, 10);

    /// <summary>A trial's id is its sweep's id and its number: <c>k3m9x2abcd-7</c>.</summary>
    public static string TrialId(string sweepId, int number) => sweepId + "-" + number.ToString(CultureInfo.InvariantCulture);
}
