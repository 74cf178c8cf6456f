-- Revenue by day with its 7-day moving average (the day and the 6 days before it), from the first to the last day with sales.
-- Days without any sale count as zero, so the average is revenue per calendar day.
-- moving_avg_7d_cents = the 7 days' revenue / 7, rounded half up to the cent in integer arithmetic; empty for the
-- first 6 days of the period, which have fewer than 7 days behind them.
-- Bounded like revenue_by_day: the series of days stops 36,525 days after the first one; days with sales
-- beyond are still listed, and the window is 7 calendar days (RANGE over the day number), not 7 rows.
-- Read from the run's sales_by_day summary.
WITH RECURSIVE period AS (
    SELECT MIN(sale_date) AS first_day, MAX(sale_date) AS last_day, date(MIN(sale_date), '+36524 days') AS gap_limit
    FROM sales_by_day
),
days (day) AS (
    SELECT first_day FROM period WHERE first_day IS NOT NULL
    UNION ALL
    SELECT date(day, '+1 day') FROM days, period WHERE day < period.last_day AND day < period.gap_limit
),
sold AS (
    SELECT sale_date, revenue_cents
    FROM sales_by_day
),
listed_days (day) AS (
    SELECT day FROM days
    UNION
    SELECT sale_date FROM sold
),
daily AS (
    SELECT d.day, julianday(d.day) AS day_number, COALESCE(s.revenue_cents, 0) AS revenue_cents
    FROM listed_days AS d
    LEFT JOIN sold AS s ON s.sale_date = d.day
),
windowed AS (
    SELECT day, day_number, revenue_cents,
           SUM(revenue_cents) OVER (ORDER BY day_number RANGE BETWEEN 6 PRECEDING AND CURRENT ROW) AS window_cents
    FROM daily
)
SELECT day,
       revenue_cents,
       window_cents AS last_7_days_cents,
       CASE WHEN day_number - (SELECT julianday(first_day) FROM period) >= 6 THEN (window_cents * 2 + 7) / 14 END AS moving_avg_7d_cents
FROM windowed
ORDER BY day
