-- Revenue and units by day, from the first to the last day with sales.
-- Days without any sale inside that period are listed with zeros, so gaps show.
WITH RECURSIVE days (day) AS (
    SELECT MIN(sale_date) FROM sales HAVING COUNT(*) > 0
    UNION ALL
    SELECT date(day, '+1 day') FROM days WHERE day < (SELECT MAX(sale_date) FROM sales)
)
SELECT d.day,
       COUNT(s.id)                                       AS sales_lines,
       COALESCE(SUM(s.quantity), 0)                      AS units,
       COALESCE(SUM(s.quantity * s.unit_price_cents), 0) AS revenue_cents
FROM days AS d
LEFT JOIN sales AS s ON s.sale_date = d.day
GROUP BY d.day
ORDER BY d.day
