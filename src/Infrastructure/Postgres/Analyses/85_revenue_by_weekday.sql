-- Revenue, units and sales lines by day of the week (Monday to Sunday), with the average revenue per such day.
-- PostgreSQL's text of Analyses/85_revenue_by_weekday.sql (same columns, same rounding): the weekday is
-- EXTRACT(ISODOW) (1 = Monday ... 7 = Sunday) and the series of days is generate_series.
WITH days (day) AS (
    SELECT CAST(generate_series(MIN(sale_date), MAX(sale_date), INTERVAL '1 day') AS date) FROM sales
),
weekdays (weekday_number, weekday) AS (
    VALUES (1, 'Monday'), (2, 'Tuesday'), (3, 'Wednesday'), (4, 'Thursday'), (5, 'Friday'), (6, 'Saturday'), (7, 'Sunday')
),
occurrences AS (
    SELECT CAST(EXTRACT(ISODOW FROM day) AS integer) AS weekday_number, COUNT(*) AS days
    FROM days
    GROUP BY 1
),
sold AS (
    SELECT CAST(EXTRACT(ISODOW FROM sale_date) AS integer)     AS weekday_number,
           COUNT(*)                                            AS sales_lines,
           CAST(SUM(quantity) AS bigint)                       AS units,
           CAST(SUM(quantity * unit_price_cents) AS bigint)    AS revenue_cents
    FROM sales
    GROUP BY 1
)
SELECT w.weekday_number,
       w.weekday,
       COALESCE(o.days, 0)            AS days_in_period,
       COALESCE(s.sales_lines, 0)     AS sales_lines,
       COALESCE(s.units, 0)           AS units,
       COALESCE(s.revenue_cents, 0)   AS revenue_cents,
       (COALESCE(s.revenue_cents, 0) * 2 + o.days) / NULLIF(2 * o.days, 0) AS avg_revenue_per_day_cents
FROM weekdays AS w
LEFT JOIN occurrences AS o ON o.weekday_number = w.weekday_number
LEFT JOIN sold AS s ON s.weekday_number = w.weekday_number
ORDER BY w.weekday_number
