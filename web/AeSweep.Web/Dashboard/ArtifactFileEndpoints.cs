using AeSweep.Web.Artifacts;
using AeSweep.Web.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace AeSweep.Web.Dashboard;

/// <summary>
/// <c>GET /files/trials/{trialId}/{name}</c>: a trial's artifact for the dashboard (gallery and latent-map images,
/// the learning-curve CSV, the checkpoint as a zip), under the dashboard's access policy, through the same
/// <see cref="ArtifactService"/> as the API's downloads (same root, same path guard, same zips).
/// </summary>
public static class ArtifactFileEndpoints
{
    public static IEndpointRouteBuilder MapArtifactFileEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/files/trials/{trialId}/{name}", ServeAsync)
            .RequireAuthorization(AccessPolicies.Dashboard)
            .ExcludeFromDescription();
        return app;
    }

    /// <summary>The dashboard's address of an artifact.</summary>
    public static string UrlFor(string trialId, string name) => $"/files/trials/{Uri.EscapeDataString(trialId)}/{Uri.EscapeDataString(name)}";

    private static async Task<IResult> ServeAsync(string trialId, string name, ArtifactService artifacts, HttpContext context)
    {
        var download = await artifacts.OpenAsync(trialId, name, context.RequestAborted);
        if (download is not { Artifact: { } artifact, Content: { } content })
        {
            return Results.NotFound();
        }

        // Finished trials never rewrite their artifacts, so the browser may keep them a while.
        context.Response.Headers.CacheControl = "private, max-age=600";
        if (content.IsFolder)
        {
            return Results.File(content.Content, "application/zip", $"{trialId}-{name}.zip", content.LastModified);
        }

        var downloadName = artifact.ContentType.StartsWith("image/", StringComparison.Ordinal) ? null : $"{trialId}-{name}{Path.GetExtension(content.FileName)}";
        return Results.File(content.Content, artifact.ContentType, downloadName, content.LastModified, enableRangeProcessing: true);
    }
}
