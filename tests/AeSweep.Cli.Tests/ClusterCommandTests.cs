namespace AeSweep.Cli.Tests;

/// <summary>The cluster verbs refuse what they cannot use with a message that names the option, before connecting anywhere.</summary>
public sealed class ClusterCommandTests : IDisposable
{
    private readonly string _data = Directory.CreateTempSubdirectory("aesweep-cluster-cli-").FullName;

    [Theory]
    [InlineData("coordinator")]
    [InlineData("worker")]
    public void Coordinator_and_worker_without_a_cluster_name_the_missing_option(string verb)
    {
        var (code, _, stderr) = RunWithoutPostgresVariable(verb, "--data", _data);

        Assert.Equal(2, code);
        Assert.Contains("--postgres", stderr, StringComparison.Ordinal);
        Assert.Contains("AESWEEP_POSTGRES", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Malformed_connection_string_is_refused_with_its_option_named()
    {
        var (code, _, stderr) = RunWithoutPostgresVariable("coordinator", "--postgres", "Host=x;NoSuchKeyword=1", "--data", _data);

        Assert.Equal(2, code);
        Assert.Contains("--postgres is not a valid PostgreSQL connection string", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Worker_gateway_must_be_host_and_port()
    {
        var (code, _, stderr) = RunWithoutPostgresVariable("worker", "--gateway", "localhost", "--data", _data);

        Assert.Equal(2, code);
        Assert.Contains("--gateway must be HOST:PORT, not 'localhost'", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Submit_validates_the_sweep_file_before_contacting_the_cluster()
    {
        var file = Path.Combine(_data, "bad.yaml");
        File.WriteAllText(file, "dataset: fashion-mnist\nmodel: dense\nmethod: grid\nparameters: {width: {min: 8, max: 64}}\n");

        var (code, stdout, stderr) = RunWithoutPostgresVariable("submit", file, "--postgres", "Host=127.0.0.1;Port=1;Database=none");

        Assert.Equal(2, code);
        Assert.Empty(stdout);
        Assert.Contains("parameters.epochs (line 4)", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Resume_without_a_database_says_where_it_looked()
    {
        var (code, _, stderr) = RunWithoutPostgresVariable("resume", "--data", _data);

        Assert.Equal(1, code);
        Assert.Contains(Path.Combine(_data, "aesweep.db"), stderr, StringComparison.Ordinal);
        Assert.Contains("does not exist", stderr, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_data, recursive: true);

    private static (int Code, string Stdout, string Stderr) RunWithoutPostgresVariable(params string[] args)
    {
        var previous = Environment.GetEnvironmentVariable("AESWEEP_POSTGRES");
        Environment.SetEnvironmentVariable("AESWEEP_POSTGRES", null);
        try
        {
            return ValidateCommandTests.Run(args);
        }
        finally
        {
            Environment.SetEnvironmentVariable("AESWEEP_POSTGRES", previous);
        }
    }
}
