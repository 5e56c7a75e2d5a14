using System.Globalization;
using System.Text;

namespace AeSweep.Core.Definitions;

/// <summary>
/// What the validator needs of a CSV time series without loading it: the header's names (null when the first row is
/// numeric) and the number of data rows. Lines longer than <see cref="MaxLineChars"/> end the read with an error.
/// </summary>
internal sealed record CsvSeriesProbe(IReadOnlyList<string>? Header, int Rows)
{
    private const int MaxLineChars = 1 << 20;

    public static CsvSeriesProbe Read(string path)
    {
        using var reader = new StreamReader(path, Encoding.UTF8);
        IReadOnlyList<string>? header = null;
        var rows = 0;
        var first = true;
        var line = new StringBuilder();
        int next;
        do
        {
            next = reader.Read();
            if (next is not (-1 or '\n' or '\r'))
            {
                if (line.Length >= MaxLineChars)
                {
                    throw new InvalidDataException($"{Path.GetFileName(path)}: a line longer than {MaxLineChars:N0} characters");
                }

                line.Append((char)next);
                continue;
            }

            var text = line.ToString();
            line.Clear();
            if (string.IsNullOrWhiteSpace(text))
            {
                continue;
            }

            if (first)
            {
                first = false;
                var cells = text.Split(',').Select(c => c.Trim()).ToArray();
                if (!cells.All(c => float.TryParse(c, NumberStyles.Float, CultureInfo.InvariantCulture, out _)))
                {
                    header = cells;
                    continue;
                }
            }

            rows++;
        }
        while (next != -1);

        return new CsvSeriesProbe(header, rows);
    }
}
