-- Stock coverage per product: how many days the current stock lasts at the average daily sales.
-- Days covered = calendar days from the first to the last day with any sale (both included,
-- days without sales count), the same for every product.
-- avg_daily_units_x100 = units sold / days covered, in hundredths, rounded half up.
-- coverage_days_x100 = stock / average daily units = stock x days / units, in hundredths,
-- rounded half up; empty when the product sold nothing over the period (no finite coverage).
-- Sorted by coverage, shortest first: the products to restock first come first.
WITH period AS (
    SELECT CAST(julianday(MAX(sale_date)) - julianday(MIN(sale_date)) AS INTEGER) + 1 AS days
    FROM sales
),
sold AS (
    SELECT p.reference, p.name, p.stock, COALESCE(SUM(s.quantity), 0) AS units
    FROM products AS p
    LEFT JOIN sales AS s ON s.product_reference = p.reference
    GROUP BY p.reference, p.name, p.stock
)
SELECT so.reference                                                    AS product_reference,
       so.name                                                         AS product_name,
       so.stock,
       so.units,
       pe.days                                                         AS days_covered,
       (so.units * 100 * 2 + pe.days) / NULLIF(2 * pe.days, 0)         AS avg_daily_units_x100,
       (so.stock * pe.days * 100 * 2 + so.units) / NULLIF(2 * so.units, 0) AS coverage_days_x100
FROM sold AS so CROSS JOIN period AS pe
ORDER BY coverage_days_x100 IS NULL, coverage_days_x100, so.reference
