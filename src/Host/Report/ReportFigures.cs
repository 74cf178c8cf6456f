using System.Globalization;
using Sales.Application.Analysis;

namespace Sales.Host.Report;

/// <summary>
/// The figures the report shows, read by column name from the stored results of one run (euros as
/// <see cref="decimal"/>, days as <see cref="DateOnly"/>). An analysis the run did not store (a run older
/// than the analysis) reads as no rows, so an old database still gets a report.
/// </summary>
internal sealed record ReportFigures(
    AnalysisRunInfo Run,
    TotalFigures Total,
    IReadOnlyList<ShareFigures> Products,
    IReadOnlyList<ShareFigures> Cities,
    IReadOnlyList<StoreFigures> Stores,
    IReadOnlyList<DayFigures> Days,
    IReadOnlyList<WeekFigures> Weeks,
    IReadOnlyList<WeekdayFigures> Weekdays,
    IReadOnlyList<CoverageFigures> Coverage,
    LastSevenDaysFigures? LastSevenDays)
{
    public static ReportFigures From(StoredResults results)
    {
        ArgumentNullException.ThrowIfNull(results);
        var tables = new StoredTables(results);
        var total = tables.Rows("total_revenue").Select(r => new TotalFigures(r.Long("sales_lines"), r.Long("units"), r.Money("revenue_eur"), r.DayOrNull("first_day"), r.DayOrNull("last_day")))
            .FirstOrDefault() ?? new TotalFigures(0, 0, 0m, null, null);
        var averages = tables.Rows("revenue_7_day_average").ToDictionary(r => r.Day("day"), r => r.MoneyOrNull("moving_avg_7d_eur"));
        return new ReportFigures(
            results.Run,
            total,
            tables.Rows("revenue_by_product").Select(r => new ShareFigures(r.Text("product_name"), r.Long("units"), r.Money("revenue_eur"), r.MoneyOrNull("share_pct"))).ToList(),
            tables.Rows("revenue_by_city").Select(r => new ShareFigures(r.Text("city"), r.Long("units"), r.Money("revenue_eur"), r.MoneyOrNull("share_pct"))).ToList(),
            tables.Rows("revenue_by_store").Select(r => new StoreFigures(r.Long("store_id"), r.Text("city"), r.Long("employees"), r.Long("units"), r.Money("revenue_eur"), r.MoneyOrNull("revenue_per_employee_eur"))).ToList(),
            tables.Rows("revenue_by_day").Select(r => new DayFigures(r.Day("day"), r.Long("units"), r.Money("revenue_eur"), averages.GetValueOrDefault(r.Day("day")))).ToList(),
            tables.Rows("revenue_by_week").Select(r => new WeekFigures(r.Day("week_start"), r.Day("week_end"), r.Text("iso_week"), r.Long("sales_lines"), r.Long("units"), r.Money("revenue_eur"), r.MoneyOrNull("change_pct"))).ToList(),
            tables.Rows("revenue_by_weekday").Select(r => new WeekdayFigures((int)r.Long("weekday_number"), r.Long("days_in_period"), r.Long("units"), r.Money("revenue_eur"), r.MoneyOrNull("avg_revenue_per_day_eur"))).ToList(),
            tables.Rows("stock_coverage").Select(r => new CoverageFigures(r.Text("product_name"), r.Long("stock"), r.Long("units"), r.MoneyOrNull("avg_daily_units"), r.MoneyOrNull("coverage_days"))).ToList(),
            tables.Rows("revenue_last_7_days").Select(r => new LastSevenDaysFigures(r.Day("last_7_from"), r.Day("last_day"), r.Money("last_7_days_eur"), r.MoneyOrNull("previous_7_days_eur"), r.MoneyOrNull("change_pct"))).FirstOrDefault());
    }

    /// <summary>The stored tables by name, each row read by column name.</summary>
    private sealed class StoredTables(StoredResults results)
    {
        public IEnumerable<StoredRow> Rows(string analysis)
        {
            var table = results.Tables.FirstOrDefault(t => t.Name == analysis);
            return table is null ? [] : table.Rows.Select(row => new StoredRow(table, row));
        }
    }

    private readonly record struct StoredRow(ResultTable Table, IReadOnlyList<object?> Values)
    {
        private object? this[string column] => Values[Index(column)];

        public string Text(string column) => Convert.ToString(this[column], CultureInfo.InvariantCulture) ?? string.Empty;

        public long Long(string column) => this[column] is long value ? value : 0;

        public decimal Money(string column) => MoneyOrNull(column) ?? 0m;

        public decimal? MoneyOrNull(string column) => this[column] as decimal?;

        public DateOnly Day(string column) => DateOnly.ParseExact(Text(column), "yyyy-MM-dd", CultureInfo.InvariantCulture);

        public DateOnly? DayOrNull(string column) => this[column] is null ? null : Day(column);

        private int Index(string column)
        {
            for (var index = 0; index < Table.Columns.Count; index++)
            {
                if (Table.Columns[index] == column)
                {
                    return index;
                }
            }

            throw new InvalidOperationException($"analysis '{Table.Name}' has no column '{column}'");
        }
    }
}
