-- Revenue, units and sales lines by day of the week (Monday to Sunday), with the average revenue per such day.
-- PostgreSQL's text of Analyses/85_revenue_by_weekday.sql (same columns, same rounding): the weekday is
-- EXTRACT(ISODOW) (1 = Monday ... 7 = Sunday) and the series of days is generate_series.
-- Occurrences are counted, not listed: whole weeks of the period, plus one for the weekdays of its last partial week.
WITH period AS (
    SELECT MAX(sale_date) - MIN(sale_date) + 1                 AS days,
           CAST(EXTRACT(ISODOW FROM MIN(sale_date)) AS integer) AS first_weekday
    FROM sales
    HAVING COUNT(*) > 0
),
weekdays (weekday_number, weekday) AS (
    VALUES (1, 'Monday'), (2, 'Tuesday'), (3, 'Wednesday'), (4, 'Thursday'), (5, 'Friday'), (6, 'Saturday'), (7, 'Sunday')
),
occurrences AS (
    SELECT w.weekday_number,
           p.days / 7 + CASE WHEN (w.weekday_number - p.first_weekday + 7) % 7 < p.days % 7 THEN 1 ELSE 0 END AS days
    FROM weekdays AS w CROSS JOIN period AS p
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
