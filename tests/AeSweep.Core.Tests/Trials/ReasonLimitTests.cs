using System.Text;
using AeSweep.Core.Trials;

namespace AeSweep.Core.Tests.Trials;

public sealed class ReasonLimitTests
{
    [Fact]
    public void A_reason_that_fits_is_kept_as_it_is()
    {
        var reason = "the program exited with code 1; stderr: " + new string('x', 3000);

        Assert.Same(reason, ReasonLimit.Apply(reason));
    }

    [Fact]
    public void A_long_reason_keeps_its_head_and_tail_and_says_how_much_was_elided()
    {
        var reason = "HEAD " + new string('x', 5_000_000) + " TAIL";

        var bounded = ReasonLimit.Apply(reason);

        var bytes = Encoding.UTF8.GetByteCount(bounded);
        Assert.InRange(bytes, ReasonLimit.MaxBytes - 50, ReasonLimit.MaxBytes);
        Assert.StartsWith("HEAD xxx", bounded, StringComparison.Ordinal);
        Assert.EndsWith("xxx TAIL", bounded, StringComparison.Ordinal);
        var marker = System.Text.RegularExpressions.Regex.Match(bounded, @"… \[(\d+) bytes elided\] …");
        Assert.True(marker.Success, bounded);
        var keptBytes = bytes - Encoding.UTF8.GetByteCount(marker.Value);
        Assert.Equal(Encoding.UTF8.GetByteCount(reason), keptBytes + long.Parse(marker.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Cutting_never_splits_a_character()
    {
        // Four-byte characters (surrogate pairs in .NET) on both sides of every possible cut.
        var reason = string.Concat(Enumerable.Repeat("😀é", 10_000));

        var bounded = ReasonLimit.Apply(reason);

        Assert.True(Encoding.UTF8.GetByteCount(bounded) <= ReasonLimit.MaxBytes);
        Assert.DoesNotContain('\uFFFD', Encoding.UTF8.GetString(Encoding.UTF8.GetBytes(bounded)));
        for (var i = 0; i < bounded.Length; i++)
        {
            if (char.IsHighSurrogate(bounded[i]))
            {
                Assert.True(i + 1 < bounded.Length && char.IsLowSurrogate(bounded[i + 1]), $"a lone high surrogate at {i}");
            }
            else if (char.IsLowSurrogate(bounded[i]))
            {
                Assert.True(i > 0 && char.IsHighSurrogate(bounded[i - 1]), $"a lone low surrogate at {i}");
            }
        }
    }
}
