using System.Net;
using System.Text.Json;
using AeSweep.Core.Definitions;

namespace AeSweep.Web.Tests;

/// <summary>
/// A program: sweep runs commands as the server's user, so serve accepts one only when the operator said so:
/// --allow-programs (any) or --allow-program EXECUTABLE (by resolved path). Ask-and-tell sweeps run nothing.
/// </summary>
public sealed class ProgramSubmissionTests
{
    private static string ProgramSweep(string command) => $$"""
        name: program
        program: [{{command}}, train.py]
        method: random
        metric: {name: loss, goal: minimize}
        parameters:
          x: {min: 0.0, max: 1.0}
        budget: {max_trials: 1}
        """;

    [Fact]
    public async Task By_default_a_program_sweep_gets_403_naming_the_options_and_nothing_is_stored()
    {
        await using var server = await OwnServer.StartAsync();
        using var client = server.ApiClient();

        var response = await client.PostAsync("/api/sweeps", new StringContent(ProgramSweep("sh"), System.Text.Encoding.UTF8, "application/yaml"));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var detail = problem.RootElement.GetProperty("detail").GetString()!;
        Assert.Contains("--allow-programs", detail, StringComparison.Ordinal);
        Assert.Contains("--allow-program EXECUTABLE", detail, StringComparison.Ordinal);
        Assert.Contains("\"total\":0", await client.GetStringAsync("/api/sweeps"), StringComparison.Ordinal);
        // Ask-and-tell runs nothing here, so it needs no permission.
        await Sweeps.SubmitAsync(client, Sweeps.AskTell("ask-tell"));
    }

    [Fact]
    public async Task An_allow_list_accepts_the_allowed_executable_by_its_resolved_path_and_refuses_others()
    {
        var policy = ProgramPolicy.From(false, ["sh"], out var error)!;
        Assert.Null(error);
        await using var server = await OwnServer.StartAsync(folder => new WebServerSettings { Urls = ["http://127.0.0.1:0"], DataDirectory = folder, Slots = 0, Programs = policy });
        using var client = server.ApiClient();
        var sh = Path.Combine(Path.GetDirectoryName(policy.Executables[0])!, Path.GetFileName(policy.Executables[0]));

        await Sweeps.SubmitAsync(client, ProgramSweep("sh"));
        await Sweeps.SubmitAsync(client, ProgramSweep(sh));
        var refused = await client.PostAsync("/api/sweeps", new StringContent(ProgramSweep("/bin/cat"), System.Text.Encoding.UTF8, "application/yaml"));

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        var detail = JsonDocument.Parse(await refused.Content.ReadAsStringAsync()).RootElement.GetProperty("detail").GetString()!;
        Assert.Contains("--allow-program", detail, StringComparison.Ordinal);
        Assert.Contains(policy.Executables[0], detail, StringComparison.Ordinal);
    }
}
