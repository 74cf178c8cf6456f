-- Revenue, units and sales lines by week (ISO-8601 weeks, Monday to Sunday), with the change against the previous week.
-- PostgreSQL's text of Analyses/80_revenue_by_week.sql (same columns, same rounding): weeks are date_trunc('week'),
-- which starts on Monday, the ISO week is to_char's IYYY-IW, and the series of weeks is generate_series.
-- change_pct_x100: hundredths of a percent, rounded half away from zero in integer arithmetic (bigint / bigint
-- truncates toward zero, as in SQLite); the sign is a CASE, since sign() would turn the bigint into a float.
-- Bounded the same way: the series of empty weeks stops 36,519 days after the first week; weeks with sales
-- beyond are still listed; the previous week is found by its date, not by its rank.
WITH by_week AS (
    SELECT CAST(date_trunc('week', sale_date) AS date)              AS week_start,
           COUNT(*)                                                 AS sales_lines,
           CAST(SUM(quantity) AS bigint)                            AS units,
           CAST(SUM(quantity * unit_price_cents) AS bigint)         AS revenue_cents
    FROM sales
    GROUP BY 1
),
period AS (
    SELECT MIN(week_start) AS first_week, MAX(week_start) AS last_week FROM by_week
),
listed_weeks (week_start) AS (
    SELECT CAST(generate_series(first_week, LEAST(last_week, first_week + 36519), INTERVAL '7 days') AS date) FROM period
    UNION
    SELECT week_start FROM by_week
),
listed AS (
    SELECT w.week_start,
           COALESCE(b.sales_lines, 0)   AS sales_lines,
           COALESCE(b.units, 0)         AS units,
           COALESCE(b.revenue_cents, 0) AS revenue_cents,
           CASE WHEN w.week_start > f.first_week THEN COALESCE(p.revenue_cents, 0) END AS previous_cents
    FROM listed_weeks AS w
    CROSS JOIN period AS f
    LEFT JOIN by_week AS b ON b.week_start = w.week_start
    LEFT JOIN by_week AS p ON p.week_start = w.week_start - 7
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
