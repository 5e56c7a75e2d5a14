using System.Globalization;
using AeSweep.Application.Contracts;

namespace AeSweep.Application;

/// <summary>Offset ≥ 0 and 1 ≤ limit ≤ <see cref="MaxLimit"/> of a paged list.</summary>
public sealed record PageRequest(int Offset = 0, int Limit = PageRequest.DefaultLimit)
{
    /// <summary>The most items one page holds.</summary>
    public const int MaxLimit = 500;

    public const int DefaultLimit = 50;

    /// <summary>Clamps offset and limit into range (limits above <see cref="MaxLimit"/> are capped).</summary>
    public static PageRequest Of(int? offset, int? limit) => new(Math.Max(0, offset ?? 0), Math.Clamp(limit ?? DefaultLimit, 1, MaxLimit));

    /// <summary>
    /// Reads offset and limit as a query string gives them, so that a malformed one gets an error saying what is
    /// wrong; limits above <see cref="MaxLimit"/> are capped. Exactly one of the two results is non-null.
    /// </summary>
    public static (PageRequest? Page, FieldErrorView? Error) Parse(string? offset, string? limit)
    {
        int? offsetValue = null, limitValue = null;
        if (!string.IsNullOrEmpty(offset))
        {
            if (!int.TryParse(offset, NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed) || parsed < 0)
            {
                return (null, new FieldErrorView("offset", null, $"offset must be an integer of 0 or more, not '{offset}'"));
            }

            offsetValue = parsed;
        }

        if (!string.IsNullOrEmpty(limit))
        {
            if (!int.TryParse(limit, NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed) || parsed < 1)
            {
                return (null, new FieldErrorView("limit", null, $"limit must be an integer from 1 to {MaxLimit} (larger values are capped), not '{limit}'"));
            }

            limitValue = parsed;
        }

        return (Of(offsetValue, limitValue), null);
    }
}
