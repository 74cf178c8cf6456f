-- Sales summed by day: one row per day with sales (a few hundred rows for a million lines).
-- One pass over the table in its own order (it is keyed by the day first), so no sort.
-- The analyses by day, week, weekday and period read this instead of the sales table.
SELECT sale_date,
       COUNT(*)                         AS sales_lines,
       SUM(quantity)                    AS units,
       SUM(quantity * unit_price_cents) AS revenue_cents
FROM sales
GROUP BY sale_date
