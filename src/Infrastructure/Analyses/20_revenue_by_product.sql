-- Revenue and units by product, with its share of total revenue.
-- Every product of the catalogue is listed, with zeros when it sold nothing.
-- share_pct_x100 is the share in hundredths of a percent, rounded half up in integer arithmetic
-- (2857 = 28.57 %); rounded shares may not add up to exactly 100 %.
-- Sales are read from the run's sales_by_product_store summary, summed by product, then joined to the catalogue.
WITH sold AS (
    SELECT product_reference, SUM(units) AS units, SUM(revenue_cents) AS revenue_cents
    FROM sales_by_product_store
    GROUP BY product_reference
),
by_product AS (
    SELECT p.reference, p.name,
           COALESCE(s.units, 0)         AS units,
           COALESCE(s.revenue_cents, 0) AS revenue_cents
    FROM products AS p
    LEFT JOIN sold AS s ON s.product_reference = p.reference
),
-- scale keeps revenue x 10000 an exact 64-bit integer: 1 (exact) up to a total of 10^14 cents (a trillion
-- euros); beyond, both sides are divided by it first (the share then may differ by 0.01 % in rounding).
total AS (SELECT SUM(revenue_cents) AS revenue_cents, SUM(revenue_cents) / 100000000000000 + 1 AS scale FROM by_product)
SELECT b.reference                                    AS product_reference,
       b.name                                         AS product_name,
       b.units,
       b.revenue_cents,
       (b.revenue_cents / t.scale * 10000 + t.revenue_cents / t.scale / 2) / NULLIF(t.revenue_cents / t.scale, 0) AS share_pct_x100
FROM by_product AS b CROSS JOIN total AS t
ORDER BY b.revenue_cents DESC, b.reference
