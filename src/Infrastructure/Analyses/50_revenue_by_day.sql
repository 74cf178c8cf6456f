-- Revenue and units by day, from the first to the last day with sales.
-- Days without any sale inside that period are listed with zeros, so gaps show.
-- Bounded, so that no single line's day can drive the row count: the import refuses days outside
-- the plausible window (Sales:EarliestSaleDay to the import's day + Sales:LatestSaleDayAfterToday,
-- about 9,800 days by default), and the series filling gaps stops anyway 36,525 days (100 years)
-- after the first day; days with sales beyond (only in data stored before that rule) are still
-- listed, one row each. Rows <= 36,525 + distinct sale days.
-- Read from the run's sales_by_day summary: one row per day with sales, joined to the series of days.
WITH RECURSIVE period AS (
    SELECT MIN(sale_date) AS first_day, MAX(sale_date) AS last_day, date(MIN(sale_date), '+36524 days') AS gap_limit
    FROM sales_by_day
),
days (day) AS (
    SELECT first_day FROM period WHERE first_day IS NOT NULL
    UNION ALL
    SELECT date(day, '+1 day') FROM days, period WHERE day < period.last_day AND day < period.gap_limit
),
all_days (day) AS (
    SELECT day FROM days
    UNION ALL
    SELECT sale_date FROM sales_by_day WHERE sale_date > (SELECT gap_limit FROM period)
)
SELECT d.day,
       COALESCE(s.sales_lines, 0)   AS sales_lines,
       COALESCE(s.units, 0)         AS units,
       COALESCE(s.revenue_cents, 0) AS revenue_cents
FROM all_days AS d
LEFT JOIN sales_by_day AS s ON s.sale_date = d.day
ORDER BY d.day
