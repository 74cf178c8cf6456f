using System.Globalization;
using Sales.Domain.Limits;
using Sales.Domain.Parsing;

namespace Sales.Application.Profiling;

/// <summary>
/// Profiles one column value by value: what the values look like (inferred type), how many are
/// blank or distinct, their range, and which ones the import would refuse under the column's <see cref="ColumnRule"/>.
/// Days written with slashes wait for <see cref="Complete"/>, where the sheet's day order is known.
/// </summary>
internal sealed class ColumnProfiler(string header, ColumnRule rule, SaleDayWindow window)
{
    public const int Listed = 10;
    private const int ExampleCount = 3;

    private readonly HashSet<string> _distinct = new(StringComparer.Ordinal);
    private readonly List<string> _examples = [];
    private readonly List<InvalidValue> _invalid = [];
    private readonly Dictionary<string, int> _shapes = new(StringComparer.Ordinal);
    private readonly List<(long Line, DateToken Token)> _slashedDays = [];
    private readonly HashSet<DateOnly> _days = [];
    private readonly Dictionary<DateOnly, (long FirstLine, int Lines)> _dayLines = [];
    private int _count;
    private int _missing;
    private int _invalidCount;
    private decimal? _minNumber;
    private decimal? _maxNumber;
    private string? _minText;
    private string? _maxText;

    /// <summary>The slashed days seen so far, whose order the whole sheet decides.</summary>
    public IEnumerable<DateToken> SlashedDays => _slashedDays.Select(d => d.Token);

    /// <summary>The valid days of a date column, known after <see cref="Complete"/>.</summary>
    public IReadOnlySet<DateOnly> Days => _days;

    public void Add(long lineNumber, string value)
    {
        _count++;
        var trimmed = value.Trim();
        if (trimmed.Length == 0)
        {
            _missing++;
            Refuse(lineNumber, value, "value is missing");
            return;
        }

        if (_distinct.Add(trimmed) && _examples.Count < ExampleCount)
        {
            _examples.Add(BoundedText.Cut(trimmed));
        }

        var shape = ShapeOf(trimmed);
        _shapes[shape] = _shapes.GetValueOrDefault(shape) + 1;
        Check(lineNumber, value, trimmed);
    }

    /// <summary>The column's profile; slashed days are read in <paramref name="dateOrder"/>.</summary>
    public ColumnProfile Complete(DateOrder dateOrder)
    {
        foreach (var (line, token) in _slashedDays)
        {
            if (token.IsValid(dateOrder))
            {
                AddDay(line, token.Text!, token.Resolve(dateOrder));
            }
            else
            {
                Refuse(line, token.Text!, DateToken.NotValidWhenReadAs(token.Text!, dateOrder));
            }
        }

        _slashedDays.Clear();
        _invalid.Sort((a, b) => a.LineNumber.CompareTo(b.LineNumber));
        var (min, max) = Range();
        var farDays = FarDays.Find(_dayLines);
        return new ColumnProfile(header, Expected(rule), InferredType(), _count, _missing, _distinct.Count, min, max,
            _examples, _invalidCount, _invalid.Take(Listed).ToList())
        {
            FarDays = farDays.Days.Take(Listed).ToList(),
            FarDayLines = farDays.Lines,
            Bulk = farDays.Bulk,
        };
    }

    // The column's rule, as the import applies it: a value it refuses is refused here with the same reason.
    private void Check(long lineNumber, string value, string trimmed)
    {
        var reason = string.Empty;
        switch (rule.Kind)
        {
            case ColumnValueKind.Text:
                Widen(trimmed);
                return;
            case ColumnValueKind.WholeNumber when rule.TryReadWholeNumber(trimmed, out var whole, out reason):
                Widen(whole);
                return;
            case ColumnValueKind.Amount when rule.TryReadAmount(trimmed, out var amount, out reason):
                Widen(amount);
                return;
            case ColumnValueKind.Day:
                CheckDay(lineNumber, value, trimmed);
                return;
            default:
                Refuse(lineNumber, value, reason);
                return;
        }
    }

    private void CheckDay(long lineNumber, string value, string trimmed)
    {
        if (!ValueParser.TryParseDate(trimmed, out var token, out var reason))
        {
            Refuse(lineNumber, value, reason);
        }
        else if (token.IsSlashed)
        {
            _slashedDays.Add((lineNumber, token));
        }
        else
        {
            AddDay(lineNumber, value, token.Resolve(DateOrder.DayFirst));
        }
    }

    // A day outside the plausible window is refused, as the import refuses it.
    private void AddDay(long lineNumber, string value, DateOnly day)
    {
        if (!window.Contains(day))
        {
            Refuse(lineNumber, value, window.OutsideReason(value.Trim(), day));
            return;
        }

        _days.Add(day);
        _dayLines[day] = _dayLines.TryGetValue(day, out var tally) ? (tally.FirstLine, tally.Lines + 1) : (lineNumber, 1);
    }

    private void Refuse(long lineNumber, string value, string reason)
    {
        _invalidCount++;
        if (_invalid.Count < Listed)
        {
            _invalid.Add(new InvalidValue(lineNumber, value, reason));
        }
    }

    private void Widen(decimal number)
    {
        _minNumber = _minNumber is null || number < _minNumber ? number : _minNumber;
        _maxNumber = _maxNumber is null || number > _maxNumber ? number : _maxNumber;
    }

    private void Widen(string text)
    {
        _minText = _minText is null || string.CompareOrdinal(text, _minText) < 0 ? text : _minText;
        _maxText = _maxText is null || string.CompareOrdinal(text, _maxText) > 0 ? text : _maxText;
    }

    private (string? Min, string? Max) Range() => rule.Kind switch
    {
        ColumnValueKind.Text => (_minText is null ? null : BoundedText.Cut(_minText), _maxText is null ? null : BoundedText.Cut(_maxText)),
        ColumnValueKind.Day when _days.Count > 0 => (Iso(_days.Min()), Iso(_days.Max())),
        ColumnValueKind.Day => (null, null),
        ColumnValueKind.Amount => (_minNumber?.ToString("0.00", CultureInfo.InvariantCulture), _maxNumber?.ToString("0.00", CultureInfo.InvariantCulture)),
        _ => (_minNumber?.ToString(CultureInfo.InvariantCulture), _maxNumber?.ToString(CultureInfo.InvariantCulture)),
    };

    private string InferredType()
    {
        if (_shapes.Count == 0)
        {
            return "empty";
        }

        if (_shapes.Count == 1)
        {
            return _shapes.Keys.Single();
        }

        if (_shapes.Keys.All(shape => shape is Shapes.Whole or Shapes.Decimal))
        {
            return Shapes.Decimal;
        }

        return "mixed: " + string.Join(", ", _shapes.OrderByDescending(s => s.Value).ThenBy(s => s.Key, StringComparer.Ordinal)
            .Select(s => string.Create(CultureInfo.InvariantCulture, $"{s.Value} {s.Key}")));
    }

    private static string ShapeOf(string trimmed)
    {
        if (ValueParser.TryParseWholeNumber(trimmed, out _, out _))
        {
            return Shapes.Whole;
        }

        if (decimal.TryParse(trimmed.Replace(',', '.'), NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out _))
        {
            return Shapes.Decimal;
        }

        return ValueParser.TryParseDate(trimmed, out _, out _) ? Shapes.Date : Shapes.Text;
    }

    // What the import accepts, bounds included, so that a value the profile counts as invalid is explained.
    private string Expected(ColumnRule rule) => rule.Kind switch
    {
        ColumnValueKind.Text => "text, not blank",
        ColumnValueKind.WholeNumber when rule.Maximum >= int.MaxValue => rule.Minimum > 0 ? "whole number > 0" : "whole number >= 0",
        ColumnValueKind.WholeNumber => string.Create(CultureInfo.InvariantCulture, $"whole number {rule.Minimum} to {rule.Maximum:#,0}"),
        ColumnValueKind.Amount => string.Create(CultureInfo.InvariantCulture, $"amount 0.00 to {rule.Maximum:#,0.00}, 2 decimals"),
        ColumnValueKind.Day when window == SaleDayWindow.Unbounded => "date",
        ColumnValueKind.Day => $"date {Iso(window.First)} to {Iso(window.Last)}",
        _ => throw new ArgumentOutOfRangeException(nameof(rule), rule, null),
    };

    private static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static class Shapes
    {
        public const string Whole = "whole number";
        public const string Decimal = "decimal";
        public const string Date = "date";
        public const string Text = "text";
    }
}
