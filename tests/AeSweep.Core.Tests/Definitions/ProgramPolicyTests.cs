using System.Collections.Immutable;
using AeSweep.Core.Definitions;

namespace AeSweep.Core.Tests.Definitions;

/// <summary>
/// Which program: sweeps a process runs: none by default, any with --allow-programs, or those whose command's first
/// element resolves (PATH lookup, then every link) to an executable allowed with --allow-program. Real files and links.
/// </summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class ProgramPolicyTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("aesweep-policy-").FullName;

    [Fact]
    public void By_default_every_program_is_refused_with_a_reason_naming_both_options_and_ask_tell_is_not()
    {
        var refusal = ProgramPolicy.None.Refusal(Program("/bin/sh", "train.sh"));

        Assert.NotNull(refusal);
        Assert.Contains("--allow-programs", refusal, StringComparison.Ordinal);
        Assert.Contains("--allow-program EXECUTABLE", refusal, StringComparison.Ordinal);
        Assert.Null(ProgramPolicy.None.Refusal(ProgramSpec.External));
        Assert.Null(ProgramPolicy.None.Refusal(null));
        Assert.Null(ProgramPolicy.Any.Refusal(Program("/no/such/thing")));
    }

    [Fact]
    public void An_allowed_executable_matches_by_real_path_through_links_at_every_depth()
    {
        var trainer = Executable(Path.Combine(_dir, "real", "bin", "trainer"));
        Directory.CreateSymbolicLink(Path.Combine(_dir, "linked-dir"), Path.Combine(_dir, "real"));
        File.CreateSymbolicLink(Path.Combine(_dir, "alias"), Path.Combine(_dir, "linked-dir", "bin", "trainer"));
        var policy = ProgramPolicy.From(false, [Path.Combine(_dir, "alias")], out var error)!;

        Assert.Null(error);
        Assert.Equal(trainer, Assert.Single(policy.Executables));
        Assert.Null(policy.Refusal(Program(trainer, "--epochs=3")));
        Assert.Null(policy.Refusal(Program(Path.Combine(_dir, "linked-dir", "bin", "trainer"))));
        Assert.Null(policy.Refusal(new ProgramSpec(["./bin/trainer"], Path.Combine(_dir, "real"))));
    }

    [Fact]
    public void A_link_named_like_the_allowed_program_but_pointing_elsewhere_is_refused()
    {
        var trainer = Executable(Path.Combine(_dir, "trainer"));
        var other = Executable(Path.Combine(_dir, "other", "payload"));
        File.CreateSymbolicLink(Path.Combine(_dir, "other", "trainer"), other);
        var policy = ProgramPolicy.From(false, [trainer], out _)!;

        var refusal = policy.Refusal(Program(Path.Combine(_dir, "other", "trainer")));

        Assert.NotNull(refusal);
        Assert.Contains(other, refusal, StringComparison.Ordinal);
        Assert.Contains("--allow-program", refusal, StringComparison.Ordinal);
        Assert.NotNull(policy.Refusal(Program(Path.Combine(_dir, "missing"))));
    }

    [Fact]
    public void A_bare_name_is_looked_up_on_path_for_both_the_option_and_the_command()
    {
        var policy = ProgramPolicy.From(false, ["sh"], out var error)!;
        var sh = Environment.GetEnvironmentVariable("PATH")!.Split(':').Select(d => Path.Combine(d, "sh")).First(File.Exists);

        Assert.Null(error);
        Assert.Null(policy.Refusal(Program("sh", "-c", "true")));
        Assert.Null(policy.Refusal(Program(sh)));
        Assert.NotNull(policy.Refusal(Program("cat")));
    }

    [Fact]
    public void An_allowed_program_is_pinned_to_the_path_that_was_checked()
    {
        var policy = ProgramPolicy.From(false, ["sh"], out _)!;

        var pinned = policy.Pinned(Program("sh", "-c", "true"));

        Assert.True(Path.IsPathRooted(pinned.Command[0]));
        Assert.Equal(["-c", "true"], pinned.Command.Skip(1));
        Assert.Equal("sh", ProgramPolicy.Any.Pinned(Program("sh")).Command[0]);
    }

    [Fact]
    public void An_allow_program_that_is_not_an_executable_is_an_error_naming_it()
    {
        File.WriteAllText(Path.Combine(_dir, "notes.txt"), "not a program");

        Assert.Null(ProgramPolicy.From(false, ["no-such-trainer-anywhere"], out var missing));
        Assert.Null(ProgramPolicy.From(false, [Path.Combine(_dir, "notes.txt")], out var notExecutable));

        Assert.Contains("--allow-program no-such-trainer-anywhere", missing, StringComparison.Ordinal);
        Assert.Contains("notes.txt", notExecutable, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static ProgramSpec Program(params string[] command) => new([.. command], null);

    private static string Executable(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, "#!/bin/sh\necho '{\"loss\": 1}'\n");
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        return path;
    }
}
