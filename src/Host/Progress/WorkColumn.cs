using Sales.Application.Progress;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace Sales.Host.Progress;

/// <summary>A progress column that reads the counts afresh at every refresh: the work itself only bumps counters.</summary>
internal sealed class WorkColumn(WorkProgress progress) : ProgressColumn
{
    protected override bool NoWrap => true;

    // Plain text, never markup: nothing in it comes from the data, but brackets must not be parsed either.
    public override IRenderable Render(RenderOptions options, ProgressTask task, TimeSpan deltaTime) =>
        new Text(ProgressText.Of(progress.Read()));
}
