using AeSweep.Storage;
using AeSweep.Web.Artifacts;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace AeSweep.Web.Api;

/// <summary>Trials and their artifacts: <c>/api/trials/{id}</c> and <c>/api/trials/{id}/artifacts/{name}</c>.</summary>
public static class TrialApi
{
    public static void Map(RouteGroupBuilder api)
    {
        var trials = api.MapGroup("/trials").WithTags("trials");
        trials.MapGet("/{id}", async (string id, ISweepReadModel store, CancellationToken ct) =>
            await store.GetTrialDetailAsync(id, ct) is { } detail ? Results.Ok(ApiViews.TrialDetail(detail)) : ApiProblems.NotFound("trial", id))
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("One trial: configuration, state, reason, final metrics, per-epoch metrics (with the attempt that reported them), and its artifacts with download URLs.");
        trials.MapGet("/{id}/artifacts/{name}", DownloadAsync)
            .Produces(StatusCodes.Status200OK, contentType: "application/octet-stream")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Download one artifact by its name (as listed by GET /api/trials/{id}); a directory artifact such as checkpoint comes as a .zip.");
    }

    private static async Task<IResult> DownloadAsync(string id, string name, ISweepReadModel store, ITrialResultStore results, ArtifactFiles files, CancellationToken ct)
    {
        if (await store.GetTrialAsync(id, ct) is null)
        {
            return ApiProblems.NotFound("trial", id);
        }

        // The name only selects a stored row; it never becomes part of a path.
        var artifact = await results.GetArtifactAsync(id, name, ct);
        if (artifact is null)
        {
            return ApiProblems.NotFound("artifact", $"{id}/{name}");
        }

        if (files.Open(artifact) is not { } content)
        {
            return ApiProblems.NotFound("artifact file", $"{id}/{name}");
        }

        return content.IsFolder
            ? Results.File(content.Content, "application/zip", $"{artifact.Name}.zip", content.LastModified)
            : Results.File(content.Content, artifact.ContentType, content.FileName, content.LastModified, enableRangeProcessing: true);
    }
}
