using Sales.Domain.Sheets;

namespace Sales.Application.Progress;

/// <summary>Where long work stood when <see cref="WorkProgress.Read"/> was called.</summary>
/// <param name="Stage">What it was doing.</param>
/// <param name="Sheet">Which sheet it was doing it to (meaningless while <see cref="WorkStage.Starting"/> or <see cref="WorkStage.Analyzing"/>).</param>
/// <param name="Done">Bytes or lines done in this stage (see <see cref="WorkStage"/>).</param>
/// <param name="Expected">How many there are in all, when known.</param>
public readonly record struct ProgressSnapshot(WorkStage Stage, SheetKind Sheet, long Done, long? Expected);
