-- Revenue of the last 7 days with sales data against the 7 days before them, and the change.
-- PostgreSQL's text of Analyses/95_revenue_last_7_days.sql (same columns, same rounding): day arithmetic is
-- date - integer, sums are cast back to bigint, and the sign is a CASE (sign() would return a float).
WITH bounds AS (
    SELECT MIN(sale_date) AS first_day, MAX(sale_date) AS last_day FROM sales HAVING COUNT(*) > 0
),
sums AS (
    SELECT b.first_day, b.last_day,
           b.last_day - 6 AS last_7_from,
           (SELECT CAST(COALESCE(SUM(quantity * unit_price_cents), 0) AS bigint) FROM sales
             WHERE sale_date BETWEEN b.last_day - 6 AND b.last_day) AS last_7_days_cents,
           CASE WHEN b.last_day - 13 >= b.first_day THEN
               (SELECT CAST(COALESCE(SUM(quantity * unit_price_cents), 0) AS bigint) FROM sales
                 WHERE sale_date BETWEEN b.last_day - 13 AND b.last_day - 7)
           END AS previous_7_days_cents
    FROM bounds AS b
)
SELECT last_7_from,
       last_day,
       last_7_days_cents,
       previous_7_days_cents,
       CASE WHEN previous_7_days_cents > 0 THEN
           (CASE WHEN last_7_days_cents < previous_7_days_cents THEN -1 ELSE 1 END)
           * ((ABS(last_7_days_cents - previous_7_days_cents) * 10000 * 2 + previous_7_days_cents) / (2 * previous_7_days_cents))
       END AS change_pct_x100
FROM sums
