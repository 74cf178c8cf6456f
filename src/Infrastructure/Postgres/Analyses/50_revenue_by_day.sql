-- Revenue and units by day, from the first to the last day with sales.
-- Days without any sale inside that period are listed with zeros, so gaps show.
-- PostgreSQL's text of Analyses/50_revenue_by_day.sql, bounded the same way: the series filling gaps
-- (generate_series) stops 36,525 days after the first day; days with sales beyond are still listed,
-- one row each. Rows <= 36,525 + distinct sale days.
WITH period AS (
    SELECT MIN(sale_date) AS first_day, MAX(sale_date) AS last_day FROM sales
),
days (day) AS (
    SELECT CAST(generate_series(first_day, LEAST(last_day, first_day + 36524), INTERVAL '1 day') AS date) FROM period
    UNION
    SELECT DISTINCT s.sale_date FROM sales AS s, period AS p WHERE s.sale_date > p.first_day + 36524
)
SELECT d.day,
       COUNT(s.sale_date)                                                AS sales_lines,
       CAST(COALESCE(SUM(s.quantity), 0) AS bigint)                      AS units,
       CAST(COALESCE(SUM(s.quantity * s.unit_price_cents), 0) AS bigint) AS revenue_cents
FROM days AS d
LEFT JOIN sales AS s ON s.sale_date = d.day
GROUP BY d.day
ORDER BY d.day
