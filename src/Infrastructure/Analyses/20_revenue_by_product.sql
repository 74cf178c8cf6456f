-- Revenue and units by product, with its share of total revenue.
-- Every product of the catalogue is listed, with zeros when it sold nothing.
-- share_pct_x100 is the share in hundredths of a percent, rounded half up in integer arithmetic
-- (2857 = 28.57 %); rounded shares may not add up to exactly 100 %.
WITH by_product AS (
    SELECT p.reference, p.name,
           COALESCE(SUM(s.quantity), 0)                      AS units,
           COALESCE(SUM(s.quantity * s.unit_price_cents), 0) AS revenue_cents
    FROM products AS p
    LEFT JOIN sales AS s ON s.product_reference = p.reference
    GROUP BY p.reference, p.name
),
total AS (SELECT SUM(revenue_cents) AS revenue_cents FROM by_product)
SELECT b.reference                                    AS product_reference,
       b.name                                         AS product_name,
       b.units,
       b.revenue_cents,
       (b.revenue_cents * 10000 + t.revenue_cents / 2) / NULLIF(t.revenue_cents, 0) AS share_pct_x100
FROM by_product AS b CROSS JOIN total AS t
ORDER BY b.revenue_cents DESC, b.reference
