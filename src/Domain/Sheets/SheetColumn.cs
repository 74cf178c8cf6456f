using System.Text;

namespace Sales.Domain.Sheets;

/// <summary>A column a sheet must have: its header as the client writes it, accepted other names, and what it accepts.</summary>
/// <param name="Header">The client's header, e.g. <c>Quantité</c>.</param>
/// <param name="Rule">What the column accepts, for the import and the profile alike.</param>
/// <param name="Aliases">Other headers meaning the same column (e.g. English ones).</param>
internal sealed record SheetColumn(string Header, Parsing.ColumnRule Rule, params string[] Aliases);
