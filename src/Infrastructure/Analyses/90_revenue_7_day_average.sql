-- Revenue by day with its 7-day moving average (the day and the 6 days before it), from the first to the last day with sales.
-- Days without any sale count as zero, so the average is revenue per calendar day.
-- moving_avg_7d_cents = the 7 days' revenue / 7, rounded half up to the cent in integer arithmetic; empty for the
-- first 6 days of the period, which have fewer than 7 days behind them.
WITH RECURSIVE days (day) AS (
    SELECT MIN(sale_date) FROM sales HAVING COUNT(*) > 0
    UNION ALL
    SELECT date(day, '+1 day') FROM days WHERE day < (SELECT MAX(sale_date) FROM sales)
),
sold AS (
    SELECT sale_date, SUM(quantity * unit_price_cents) AS revenue_cents
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
           SUM(revenue_cents) OVER (ORDER BY day ROWS BETWEEN 6 PRECEDING AND CURRENT ROW) AS window_cents,
           COUNT(*)           OVER (ORDER BY day ROWS BETWEEN 6 PRECEDING AND CURRENT ROW) AS window_days
    FROM daily
)
SELECT day,
       revenue_cents,
       window_cents                                                   AS last_7_days_cents,
       CASE WHEN window_days = 7 THEN (window_cents * 2 + 7) / 14 END AS moving_avg_7d_cents
FROM windowed
ORDER BY day
