-- Revenue by day with its 7-day moving average (the day and the 6 days before it), from the first to the last day with sales.
-- PostgreSQL's text of Analyses/90_revenue_7_day_average.sql (same columns, same rounding): the series of days is
-- generate_series, and the windowed sum is cast back to bigint (SUM of bigint is numeric in PostgreSQL).
-- Bounded the same way: the series of days stops 36,525 days after the first one; days with sales beyond are
-- still listed, and the window is 7 calendar days (RANGE over the date), not 7 rows.
WITH period AS (
    SELECT MIN(sale_date) AS first_day, MAX(sale_date) AS last_day FROM sales
),
sold AS (
    SELECT sale_date, CAST(SUM(quantity * unit_price_cents) AS bigint) AS revenue_cents
    FROM sales
    GROUP BY sale_date
),
listed_days (day) AS (
    SELECT CAST(generate_series(first_day, LEAST(last_day, first_day + 36524), INTERVAL '1 day') AS date) FROM period
    UNION
    SELECT sale_date FROM sold
),
daily AS (
    SELECT d.day, COALESCE(s.revenue_cents, 0) AS revenue_cents
    FROM listed_days AS d
    LEFT JOIN sold AS s ON s.sale_date = d.day
),
windowed AS (
    SELECT day, revenue_cents,
           CAST(SUM(revenue_cents) OVER (ORDER BY day RANGE BETWEEN INTERVAL '6 days' PRECEDING AND CURRENT ROW) AS bigint) AS window_cents
    FROM daily
)
SELECT w.day,
       w.revenue_cents,
       w.window_cents                                                                    AS last_7_days_cents,
       CASE WHEN w.day - p.first_day >= 6 THEN (w.window_cents * 2 + 7) / 14 END         AS moving_avg_7d_cents
FROM windowed AS w CROSS JOIN period AS p
ORDER BY w.day
