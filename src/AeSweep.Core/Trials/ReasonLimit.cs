using System.Globalization;
using System.Text;

namespace AeSweep.Core.Trials;

/// <summary>
/// Bounds the reasons stored with trials and sweeps. A reason often quotes a trainer's own output (its last stderr
/// lines), which the trainer controls, so it is cut to <see cref="MaxBytes"/> of UTF-8: the head (what went wrong
/// first) and the tail (the last words before the end) are kept, the middle is replaced by a marker that says how
/// much was left out.
/// </summary>
public static class ReasonLimit
{
    /// <summary>The most UTF-8 bytes a reason keeps (within 4 KiB, and within the store's 4,000-character column).</summary>
    public const int MaxBytes = 4000;

    // Room for the marker "… [N bytes elided] …" with any N an int can hold.
    private const int MarkerRoom = 40;

    /// <summary>The reason itself when it fits, else its head and tail around "… [N bytes elided] …".</summary>
    public static string Apply(string reason)
    {
        ArgumentNullException.ThrowIfNull(reason);
        var bytes = Encoding.UTF8.GetByteCount(reason);
        if (bytes <= MaxBytes)
        {
            return reason;
        }

        var half = (MaxBytes - MarkerRoom) / 2;
        var head = Head(reason, half);
        var tail = Tail(reason, half);
        var elided = bytes - Encoding.UTF8.GetByteCount(head) - Encoding.UTF8.GetByteCount(tail);
        return string.Create(CultureInfo.InvariantCulture, $"{head}… [{elided} bytes elided] …{tail}");
    }

    /// <summary><see cref="Apply"/> for a reason; no reason stays none.</summary>
    public static string? ApplyOrNull(string? reason) => reason is null ? null : Apply(reason);

    private static string Head(string text, int maxBytes)
    {
        var used = 0;
        var end = 0;
        foreach (var rune in text.EnumerateRunes())
        {
            if (used + rune.Utf8SequenceLength > maxBytes)
            {
                break;
            }

            used += rune.Utf8SequenceLength;
            end += rune.Utf16SequenceLength;
        }

        return text[..end];
    }

    private static string Tail(string text, int maxBytes)
    {
        var used = 0;
        var start = text.Length;
        while (start > 0)
        {
            // Step back over a whole surrogate pair, never half of one.
            var length = start >= 2 && char.IsLowSurrogate(text[start - 1]) && char.IsHighSurrogate(text[start - 2]) ? 2 : 1;
            var size = Encoding.UTF8.GetByteCount(text.AsSpan(start - length, length));
            if (used + size > maxBytes)
            {
                break;
            }

            used += size;
            start -= length;
        }

        return text[start..];
    }
}
