-- Revenue and units by day, from the first to the last day with sales.
-- Days without any sale inside that period are listed with zeros, so gaps show.
-- PostgreSQL's text of Analyses/50_revenue_by_day.sql: the series of days is generate_series.
WITH days (day) AS (
    SELECT CAST(generate_series(MIN(sale_date), MAX(sale_date), INTERVAL '1 day') AS date)
    FROM sales
)
SELECT d.day,
       COUNT(s.sale_date)                                                AS sales_lines,
       CAST(COALESCE(SUM(s.quantity), 0) AS bigint)                      AS units,
       CAST(COALESCE(SUM(s.quantity * s.unit_price_cents), 0) AS bigint) AS revenue_cents
FROM days AS d
LEFT JOIN sales AS s ON s.sale_date = d.day
GROUP BY d.day
ORDER BY d.day
