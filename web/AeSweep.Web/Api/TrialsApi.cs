using AeSweep.Application;
using AeSweep.Application.Contracts;
using AeSweep.Web.Artifacts;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace AeSweep.Web.Api;

/// <summary>Trials and their artifacts: <c>/api/trials/{id}</c> and <c>/api/trials/{id}/artifacts/{name}</c>.</summary>
public static class TrialsApi
{
    public static IEndpointRouteBuilder MapTrialsApi(this IEndpointRouteBuilder api)
    {
        var trials = api.MapGroup("/trials").WithTags("trials");
        trials.MapGet("/{id}", GetAsync)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("One trial: configuration, state, reason, final metrics, per-epoch metrics (with the attempt that reported them), and its artifacts with download URLs.");
        trials.MapGet("/{id}/artifacts/{name}", DownloadAsync)
            .Produces<Stream>(StatusCodes.Status200OK, "application/octet-stream")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Download one artifact by its name (as listed by GET /api/trials/{id}); a directory artifact such as checkpoint comes as a .zip.");
        return api;
    }

    private static async Task<Results<Ok<TrialDetailView>, ProblemHttpResult>> GetAsync(string id, ISweepQueries queries, CancellationToken ct) =>
        await queries.GetTrialAsync(id, ct) is { } detail ? TypedResults.Ok(detail) : ApiProblems.NotFound("trial", id);

    private static async Task<Results<FileStreamHttpResult, ProblemHttpResult>> DownloadAsync(string id, string name, ArtifactService artifacts, CancellationToken ct)
    {
        var download = await artifacts.OpenAsync(id, name, ct);
        switch (download.Outcome)
        {
            case ArtifactOutcome.TrialNotFound: return ApiProblems.NotFound("trial", id);
            case ArtifactOutcome.ArtifactNotFound: return ApiProblems.NotFound("artifact", $"{id}/{name}");
            case ArtifactOutcome.FileNotServed: return ApiProblems.NotFound("artifact file", $"{id}/{name}");
        }

        var (artifact, content) = (download.Artifact!, download.Content!);
        return content.IsFolder
            ? TypedResults.File(content.Content, "application/zip", $"{artifact.Name}.zip", content.LastModified)
            : TypedResults.File(content.Content, artifact.ContentType, content.FileName, content.LastModified, enableRangeProcessing: true);
    }
}
