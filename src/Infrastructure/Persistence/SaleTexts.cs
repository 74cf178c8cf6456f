using System.Text;

namespace Sales.Infrastructure.Persistence;

/// <summary>
/// The UTF-8 bytes of the days and references bound or compared per sales line, encoded once per
/// distinct value. Sales come in identity order, so a line nearly always has the day of the line
/// before, and often its reference: the last one is checked before any lookup.
/// </summary>
internal sealed class SaleTexts
{
    private readonly Dictionary<DateOnly, byte[]> _days = [];
    private readonly Dictionary<string, byte[]> _references = new(StringComparer.Ordinal);
    private DateOnly _lastDay;
    private byte[]? _lastDayBytes;
    private string? _lastReference;
    private byte[]? _lastReferenceBytes;

    public byte[] Day(DateOnly day)
    {
        if (_lastDayBytes is null || day != _lastDay)
        {
            if (!_days.TryGetValue(day, out _lastDayBytes))
            {
                _lastDayBytes = Encoding.UTF8.GetBytes(SqliteText.Date(day));
                _days.Add(day, _lastDayBytes);
            }

            _lastDay = day;
        }

        return _lastDayBytes;
    }

    public byte[] Reference(string reference)
    {
        // The same reference is the same string instance here (one per distinct reference in the sheet).
        if (!ReferenceEquals(reference, _lastReference))
        {
            if (!_references.TryGetValue(reference, out _lastReferenceBytes))
            {
                _lastReferenceBytes = Encoding.UTF8.GetBytes(reference);
                _references.Add(reference, _lastReferenceBytes);
            }

            _lastReference = reference;
        }

        return _lastReferenceBytes!;
    }
}
