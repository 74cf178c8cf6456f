-- Revenue, units and sales lines by week (ISO-8601 weeks, Monday to Sunday), with the change against the previous week.
-- PostgreSQL's text of Analyses/80_revenue_by_week.sql (same columns, same rounding): weeks are date_trunc('week'),
-- which starts on Monday, the ISO week is to_char's IYYY-IW, and the series of weeks is generate_series.
-- change_pct_x100: hundredths of a percent, rounded half away from zero in integer arithmetic (bigint / bigint
-- truncates toward zero, as in SQLite); the sign is a CASE, since sign() would turn the bigint into a float.
WITH by_week AS (
    SELECT CAST(date_trunc('week', sale_date) AS date)              AS week_start,
           COUNT(*)                                                 AS sales_lines,
           CAST(SUM(quantity) AS bigint)                            AS units,
           CAST(SUM(quantity * unit_price_cents) AS bigint)         AS revenue_cents
    FROM sales
    GROUP BY 1
),
weeks (week_start) AS (
    SELECT CAST(generate_series(MIN(week_start), MAX(week_start), INTERVAL '7 days') AS date) FROM by_week
),
listed AS (
    SELECT w.week_start,
           COALESCE(b.sales_lines, 0)   AS sales_lines,
           COALESCE(b.units, 0)         AS units,
           COALESCE(b.revenue_cents, 0) AS revenue_cents,
           LAG(COALESCE(b.revenue_cents, 0)) OVER (ORDER BY w.week_start) AS previous_cents
    FROM weeks AS w
    LEFT JOIN by_week AS b ON b.week_start = w.week_start
)
SELECT week_start,
       week_start + 6                        AS week_end,
       to_char(week_start, 'IYYY-"W"IW')     AS iso_week,
       sales_lines,
       units,
       revenue_cents,
       CASE WHEN previous_cents > 0 THEN
           (CASE WHEN revenue_cents < previous_cents THEN -1 ELSE 1 END)
           * ((ABS(revenue_cents - previous_cents) * 10000 * 2 + previous_cents) / (2 * previous_cents))
       END                                   AS change_pct_x100
FROM listed
ORDER BY week_start
