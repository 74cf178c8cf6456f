-- Revenue by day with its 7-day moving average (the day and the 6 days before it), from the first to the last day with sales.
-- PostgreSQL's text of Analyses/90_revenue_7_day_average.sql (same columns, same rounding): the series of days is
-- generate_series, and the windowed sum is cast back to bigint (SUM of bigint is numeric in PostgreSQL).
WITH days (day) AS (
    SELECT CAST(generate_series(MIN(sale_date), MAX(sale_date), INTERVAL '1 day') AS date) FROM sales
),
sold AS (
    SELECT sale_date, CAST(SUM(quantity * unit_price_cents) AS bigint) AS revenue_cents
    FROM sales
    GROUP BY sale_date
),
daily AS (
    SELECT d.day, COALESCE(s.revenue_cents, 0) AS revenue_cents
    FROM days AS d
    LEFT JOIN sold AS s ON s.sale_date = d.day
),
windowed AS (
    SELECT day, revenue_cents,
           CAST(SUM(revenue_cents) OVER (ORDER BY day ROWS BETWEEN 6 PRECEDING AND CURRENT ROW) AS bigint) AS window_cents,
           COUNT(*) OVER (ORDER BY day ROWS BETWEEN 6 PRECEDING AND CURRENT ROW)                          AS window_days
    FROM daily
)
SELECT day,
       revenue_cents,
       window_cents                                                   AS last_7_days_cents,
       CASE WHEN window_days = 7 THEN (window_cents * 2 + 7) / 14 END AS moving_avg_7d_cents
FROM windowed
ORDER BY day
