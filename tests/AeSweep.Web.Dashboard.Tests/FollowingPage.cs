using AeSweep.Web.Live;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;

namespace AeSweep.Web.Dashboard.Tests;

/// <summary>A live page as the dashboard's are built: it follows one sweep and shows whether its updates are paused.</summary>
public sealed class FollowingPage : LivePage
{
    [Parameter, EditorRequired] public Func<Task> Load { get; set; } = () => Task.CompletedTask;

    public int Loads { get; private set; }

    protected override void OnInitialized() => Follow(LiveTopic.Sweep("sweep-a"));

    protected override async Task LoadAsync(CancellationToken cancellationToken)
    {
        Loads++;
        await Load();
    }

    protected override void BuildRenderTree(RenderTreeBuilder builder)
    {
        builder.OpenElement(0, "p");
        builder.AddAttribute(1, "id", "state");
        builder.AddContent(2, UpdatesPaused ? "updates paused" : $"live after {Loads} loads");
        builder.CloseElement();
    }
}
