using System.Globalization;
using System.Text;

namespace AeSweep.Cli;

/// <summary>
/// Makes text that came from a store or a server safe to print on an operator's terminal: C0 and C1 control
/// characters (ESC among them), DEL, and the Unicode line separators and bidirectional overrides are written as
/// <c>\x1b</c> / <c>\u202e</c> escapes, so a sweep name cannot move the cursor, retitle the window or hide text.
/// </summary>
internal static class TerminalText
{
    /// <summary>The text with every control character escaped; null becomes empty.</summary>
    public static string Escape(string? text)
    {
        if (string.IsNullOrEmpty(text) || !text.Any(IsUnsafe))
        {
            return text ?? string.Empty;
        }

        var escaped = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            if (!IsUnsafe(c))
            {
                escaped.Append(c);
            }
            else if (c <= '\u00ff')
            {
                escaped.Append(CultureInfo.InvariantCulture, $"\\x{(int)c:x2}");
            }
            else
            {
                escaped.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:x4}");
            }
        }

        return escaped.ToString();
    }

    private static bool IsUnsafe(char c) =>
        c < ' ' || c is >= '\u007f' and <= '\u009f'
        || c is '\u2028' or '\u2029' or (>= '\u202a' and <= '\u202e') or (>= '\u2066' and <= '\u2069') or '\u200e' or '\u200f' or '\u061c';
}
