using System.Security.Cryptography;

namespace AeSweep.Cli.Tests;

/// <summary>
/// <c>serve</c>, <c>run</c> and <c>resume</c> as real processes on a data folder whose aesweep.db is not a database:
/// one line naming the file, exit 1, no stack trace, and the file's bytes as they were; a zero-byte file is a new one.
/// </summary>
public sealed class UnusableDatabaseTests : IDisposable
{
    private readonly string _data = Directory.CreateTempSubdirectory("aesweep-unusable-db-").FullName;

    private string DatabasePath => Path.Combine(_data, "aesweep.db");

    [Theory]
    [InlineData("serve")]
    [InlineData("run")]
    [InlineData("resume")]
    public void A_file_of_random_bytes_ends_the_command_with_one_line_and_stays_as_it_was(string verb)
    {
        var bytes = RandomNumberGenerator.GetBytes(32 * 1024);
        File.WriteAllBytes(DatabasePath, bytes);
        string[] args = verb switch
        {
            "serve" => ["serve", "--urls", "http://127.0.0.1:0", "--data", _data, "--slots", "0"],
            "run" => ["run", Path.Combine(ValidateCommandTests.FindRoot(), "examples", "program-sweep.yaml"), "--data", _data, "--slots", "0"],
            _ => ["resume", "--data", _data, "--slots", "0"],
        };

        var (code, _, stderr) = ValidateCommandTests.Run(args);

        Assert.Equal(1, code);
        Assert.Equal($"aesweep: {DatabasePath}: not a usable AeSweep database (SQLite: file is not a database); it was left untouched", stderr.Trim());
        Assert.Equal(bytes, File.ReadAllBytes(DatabasePath));
    }

    [Fact]
    public void A_zero_byte_file_is_a_new_database()
    {
        File.WriteAllBytes(DatabasePath, []);

        var (code, _, stderr) = ValidateCommandTests.Run("resume", "--data", _data, "--slots", "0");

        Assert.True(code == 0, stderr);
        Assert.Contains("nothing to resume", stderr, StringComparison.Ordinal);
        Assert.True(new FileInfo(DatabasePath).Length > 0);
    }

    public void Dispose() => Directory.Delete(_data, recursive: true);
}
