using System.Text;

namespace Sales.Domain.Sheets;

/// <summary>A column a sheet must have: its header as the client writes it, and accepted other names.</summary>
/// <param name="Header">The client's header, e.g. <c>Quantité</c>.</param>
/// <param name="Aliases">Other headers meaning the same column (e.g. English ones).</param>
internal sealed record SheetColumn(string Header, params string[] Aliases);
