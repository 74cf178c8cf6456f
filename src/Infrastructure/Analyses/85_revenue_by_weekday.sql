-- Revenue, units and sales lines by day of the week (Monday to Sunday), with the average revenue per such day.
-- days_in_period counts the occurrences of that weekday from the first to the last day with sales (both included),
-- sold or not, so avg_revenue_per_day_cents = revenue / days_in_period, rounded half up to the cent in integer
-- arithmetic (empty when the period has no such day). weekday_number: 1 = Monday ... 7 = Sunday (ISO-8601).
-- Occurrences are counted, not listed: whole weeks of the period, plus one for the weekdays of its last
-- partial week, so no day's value can make the query walk a long series.
-- Read from the run's sales_by_day summary.
WITH period AS (
    SELECT CAST(julianday(MAX(sale_date)) - julianday(MIN(sale_date)) AS INTEGER) + 1 AS days,
           -- strftime('%w') is 0 for Sunday; ISO numbers Sunday 7.
           (CAST(strftime('%w', MIN(sale_date)) AS INTEGER) + 6) % 7 + 1 AS first_weekday
    FROM sales_by_day
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
    SELECT (CAST(strftime('%w', sale_date) AS INTEGER) + 6) % 7 + 1 AS weekday_number,
           SUM(sales_lines) AS sales_lines, SUM(units) AS units, SUM(revenue_cents) AS revenue_cents
    FROM sales_by_day
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
