using System.Collections;
using Sales.Domain.Dedup;

namespace Sales.Domain.Sheets;

/// <summary>The sales sheet, read whole.</summary>
/// <param name="LinesRead">Data lines in the sheet (header excluded).</param>
/// <param name="Lines">Valid lines with their identities, in identity order (see <see cref="IdentityOrder"/>).</param>
/// <param name="Rejected">Lines refused, with their reason, in sheet order.</param>
internal sealed record SalesSheetResult(int LinesRead, NumberedSales Lines, IReadOnlyList<RejectedLine> Rejected);
