using System.IO.Compression;
using AeSweep.Hosting;
using AeSweep.Storage;
using AeSweep.Web.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace AeSweep.Web.Dashboard;

/// <summary>
/// <c>GET /files/trials/{trialId}/{name}</c>: a trial's artifact for the dashboard (gallery and latent-map images,
/// the learning-curve CSV, the checkpoint as a zip), under the dashboard's access policy. The name is looked up in the
/// store; the stored path is checked by <see cref="ArtifactPathGuard"/> before anything is read.
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

    private static async Task<IResult> ServeAsync(string trialId, string name, ISweepStore store, WebServerSettings settings, HttpContext context)
    {
        var artifact = await store.GetArtifactAsync(trialId, name, context.RequestAborted);
        if (artifact is null)
        {
            return Results.NotFound();
        }

        var path = ArtifactPathGuard.Resolve(EmbeddedHost.ArtifactRoot(settings.DataDirectory), artifact.RelativePath);
        if (path is null)
        {
            return Results.NotFound();
        }

        // Finished trials never rewrite their artifacts, so the browser may keep them a while.
        context.Response.Headers.CacheControl = "private, max-age=600";
        if (File.Exists(path))
        {
            var extension = Path.GetExtension(path);
            return Results.File(path, artifact.ContentType, fileDownloadName: artifact.ContentType.StartsWith("image/", StringComparison.Ordinal) ? null : $"{trialId}-{name}{extension}", enableRangeProcessing: true);
        }

        if (Directory.Exists(path))
        {
            var zip = ZipDirectory(path);
            return Results.Stream(zip, "application/zip", $"{trialId}-{name}.zip");
        }

        return Results.NotFound();
    }

    /// <summary>Zips a directory into a temporary file deleted when the response has been sent; links are left out.</summary>
    private static FileStream ZipDirectory(string directory)
    {
        var stream = new FileStream(Path.GetTempFileName(), FileMode.Create, FileAccess.ReadWrite, FileShare.None, 81920, FileOptions.DeleteOnClose);
        using (var archive = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var file in new DirectoryInfo(directory).EnumerateFiles("*", SearchOption.AllDirectories))
            {
                if (file.LinkTarget is not null || file.Directory?.LinkTarget is not null)
                {
                    continue;
                }

                archive.CreateEntryFromFile(file.FullName, Path.GetRelativePath(directory, file.FullName).Replace('\\', '/'), CompressionLevel.Fastest);
            }
        }

        stream.Position = 0;
        return stream;
    }
}
