using System.Text;
using AeSweep.Core.Definitions;

namespace AeSweep.Core.Tests.Definitions;

/// <summary>No input, however malformed, makes the parser throw, hang or exhaust memory.</summary>
public sealed class HostileInputTests
{
    [Fact]
    public void Binary_garbage_is_an_error_not_an_exception()
    {
        var bytes = new byte[4096];
        new Random(7).NextBytes(bytes);

        var result = SweepDefinitionParser.Parse(Encoding.Latin1.GetString(bytes));

        var error = Assert.Single(result.Errors);
        Assert.Equal(ValidationError.FilePath, error.Path);
    }

    [Fact]
    public void Ten_megabyte_file_is_refused_with_its_size()
    {
        var text = "name: x\n" + new string('#', 10 * 1024 * 1024);

        var result = SweepDefinitionParser.Parse(text);

        Assert.Contains("limited to", Assert.Single(result.Errors).Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(100_000)]
    [InlineData(1_000)]
    public void Deeply_nested_flow_lists_are_refused(int depth)
    {
        var text = "parameters: " + new string('[', depth) + new string(']', depth);

        var result = SweepDefinitionParser.Parse(text);

        Assert.Contains("deeper than", Assert.Single(result.Errors).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Deeply_nested_block_sequences_are_refused()
    {
        var text = "parameters:\n" + string.Concat(Enumerable.Range(0, 500).Select(i => new string(' ', i) + "-\n"));

        var result = SweepDefinitionParser.Parse(text);

        Assert.False(result.IsValid);
    }

    [Fact]
    public void Alias_bomb_is_refused_without_expanding_it()
    {
        var builder = new StringBuilder("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
        for (var i = 1; i < 30; i++)
        {
            builder.Append($"a{i}: &a{i} [" + string.Join(", ", Enumerable.Repeat($"*a{i - 1}", 10)) + "]\n");
        }

        var result = SweepDefinitionParser.Parse(builder.ToString());

        Assert.Contains("alias bomb", Assert.Single(result.Errors).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Alias_to_an_undefined_anchor_is_an_error()
    {
        var result = SweepDefinitionParser.Parse("name: *nowhere\n");

        Assert.Equal(ValidationError.FilePath, Assert.Single(result.Errors).Path);
    }

    [Fact]
    public void Several_documents_are_refused()
    {
        var result = SweepDefinitionParser.Parse("name: a\n---\nname: b\n");

        Assert.Contains("more than one", Assert.Single(result.Errors).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Random_mutations_of_a_valid_file_never_throw()
    {
        var valid = File.ReadAllText(Path.Combine(RepositoryPaths.Examples, "fashion-dense-quick.yaml"));
        var alphabet = "{}[]:,-&*!|>'\"#\n \t0123456789.eE+abcxyz_%@`?";
        var random = new Random(12345);
        for (var i = 0; i < 2000; i++)
        {
            var chars = valid.ToCharArray().ToList();
            var edits = random.Next(1, 6);
            for (var e = 0; e < edits; e++)
            {
                var at = random.Next(chars.Count);
                switch (random.Next(3))
                {
                    case 0:
                        chars[at] = alphabet[random.Next(alphabet.Length)];
                        break;
                    case 1:
                        chars.Insert(at, alphabet[random.Next(alphabet.Length)]);
                        break;
                    default:
                        chars.RemoveAt(at);
                        break;
                }
            }

            var result = SweepDefinitionParser.Parse(new string([.. chars]));

            Assert.True(result.IsValid || result.Errors.Count > 0);
            Assert.DoesNotContain(result.Errors, err => err.Message.StartsWith("could not be read", StringComparison.Ordinal) ? throw new InvalidOperationException(err.Message + "\n---\n" + new string([.. chars])) : false);
        }
    }
}
