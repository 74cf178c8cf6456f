namespace Sales.Domain;

/// <summary>
/// The identity of a stored sales line: its content plus its occurrence number among the
/// identical lines of the sheet (1st, 2nd, ...). Two identical lines are two sales; the sheet is
/// re-read at every import, so an identity already stored is not stored again.
/// </summary>
/// <param name="Content">The canonical content.</param>
/// <param name="Occurrence">1 for the first line with this content in the sheet, 2 for the second, ...</param>
public readonly record struct SaleIdentity(Sale Content, int Occurrence);
