-- Revenue of the last 7 days with sales data against the 7 days before them, and the change.
-- The last 7 days end on the last day with sales; days without any sale count as zero.
-- previous_7_days_cents is empty when the period (first to last day with sales) is shorter than 14 days.
-- change_pct_x100: hundredths of a percent, rounded half away from zero in integer arithmetic; empty when the
-- 7 days before had no revenue (no finite change). No row when there is no sale.
-- Read from the run's sales_by_day summary.
WITH bounds AS (
    SELECT MIN(sale_date) AS first_day, MAX(sale_date) AS last_day FROM sales_by_day HAVING COUNT(*) > 0
),
sums AS (
    SELECT b.first_day, b.last_day,
           date(b.last_day, '-6 days') AS last_7_from,
           (SELECT COALESCE(SUM(revenue_cents), 0) FROM sales_by_day
             WHERE sale_date BETWEEN date(b.last_day, '-6 days') AND b.last_day) AS last_7_days_cents,
           CASE WHEN date(b.last_day, '-13 days') >= b.first_day THEN
               (SELECT COALESCE(SUM(revenue_cents), 0) FROM sales_by_day
                 WHERE sale_date BETWEEN date(b.last_day, '-13 days') AND date(b.last_day, '-7 days'))
           END AS previous_7_days_cents
    FROM bounds AS b
)
SELECT last_7_from,
       last_day,
       last_7_days_cents,
       previous_7_days_cents,
       CASE WHEN previous_7_days_cents > 0 THEN
           SIGN(last_7_days_cents - previous_7_days_cents)
           * ((ABS(last_7_days_cents - previous_7_days_cents) * 10000 * 2 + previous_7_days_cents) / (2 * previous_7_days_cents))
       END AS change_pct_x100
FROM sums
