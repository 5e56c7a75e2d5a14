using AeSweep.Application;
using Microsoft.Extensions.DependencyInjection;

namespace AeSweep.Web.Tests;

/// <summary>The README's demo: serve with several <c>--demo</c> files submits each of them on an empty database.</summary>
public sealed class DemoSweepTests
{
    [Fact]
    public async Task Every_demo_file_is_submitted_when_the_database_has_no_sweep()
    {
        var examples = Path.Combine(RepositoryRoot(), "examples");
        await using var server = await OwnServer.StartAsync(folder => new WebServerSettings
        {
            Urls = ["http://127.0.0.1:0"],
            DataDirectory = folder,
            Slots = 0,
            DemoSweepFiles = [Path.Combine(examples, "fashion-demo-dense.yaml"), Path.Combine(examples, "fashion-demo-vae.yaml")],
        });

        var sweeps = await server.Services.GetRequiredService<ISweepQueries>().ListSweepsAsync(new PageRequest(0, 10), CancellationToken.None);

        Assert.Equal(["fashion-demo-dense", "fashion-demo-vae"], sweeps.Items.Select(s => s.Name).Order(StringComparer.Ordinal));
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "AeSweep.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("AeSweep.sln not found above " + AppContext.BaseDirectory);
    }
}
