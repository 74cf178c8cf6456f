-- Stock coverage per product: how many days the current stock lasts at the average daily sales.
-- Days covered = calendar days from the first to the last day with any sale (both included,
-- days without sales count), the same for every product.
-- avg_daily_units_x100 = units sold / days covered, in hundredths, rounded half up.
-- coverage_days_x100 = stock / average daily units = stock x days / units, in hundredths,
-- rounded half up; empty when the product sold nothing over the period (no finite coverage).
-- Sorted by coverage, shortest first: the products to restock first come first.
-- Read from the run's summaries (sales_by_day for the period, sales_by_product_store for the units).
WITH period AS (
    SELECT CAST(julianday(MAX(sale_date)) - julianday(MIN(sale_date)) AS INTEGER) + 1 AS days
    FROM sales_by_day
),
units_by_product AS (
    -- Summed by product first, then joined to the catalogue.
    SELECT product_reference, SUM(units) AS units
    FROM sales_by_product_store
    GROUP BY product_reference
),
sold AS (
    SELECT p.reference, p.name, p.stock, COALESCE(u.units, 0) AS units
    FROM products AS p
    LEFT JOIN units_by_product AS u ON u.product_reference = p.reference
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
