namespace AeSweep.Web.Tests;

/// <summary>Sweep files for the tests: ask-and-tell and program sweeps, so nothing trains here.</summary>
internal static class Sweeps
{
    public static string AskTell(string name, int maxTrials = 3) => $$"""
        name: {{name}}
        program: {ask_tell: true}
        method: random
        metric: {name: loss, goal: minimize}
        parameters:
          x: {min: -5.0, max: 5.0}
          kind: {values: [a, "b,c"]}
        budget: {max_trials: {{maxTrials}}, max_parallel: 1}
        seed: 7
        """;

    public static async Task<string> SubmitAsync(HttpClient client, string yaml)
    {
        var response = await client.PostAsync("/api/sweeps", new StringContent(yaml, System.Text.Encoding.UTF8, "application/yaml"));
        Assert.Equal(System.Net.HttpStatusCode.Created, response.StatusCode);
        using var json = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return json.RootElement.GetProperty("id").GetString()!;
    }
}
