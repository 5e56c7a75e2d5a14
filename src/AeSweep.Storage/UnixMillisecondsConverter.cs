using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace AeSweep.Storage;

/// <summary>Stores a <see cref="DateTimeOffset"/> as UTC Unix milliseconds (comparable and sortable in SQLite).</summary>
internal sealed class UnixMillisecondsConverter : ValueConverter<DateTimeOffset, long>
{
    public UnixMillisecondsConverter()
        : base(v => v.ToUnixTimeMilliseconds(), v => DateTimeOffset.FromUnixTimeMilliseconds(v))
    {
    }
}
