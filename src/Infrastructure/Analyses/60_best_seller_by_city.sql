-- Best-selling product in each city: the product with the most units sold in the city's stores.
-- Ties are broken by higher revenue, then by the smaller product reference, so the answer is
-- always one product; products_tied says how many products share the top number of units.
-- Cities without any sale have no best seller and are not listed.
-- Sales are read from the run's sales_by_product_store summary, then summed by city.
WITH by_city_product AS (
    SELECT st.city, s.product_reference,
           SUM(s.units)         AS units,
           SUM(s.revenue_cents) AS revenue_cents
    FROM sales_by_product_store AS s
    JOIN stores AS st ON st.id = s.store_id
    GROUP BY st.city, s.product_reference
),
ranked AS (
    SELECT b.*,
           ROW_NUMBER() OVER (PARTITION BY b.city ORDER BY b.units DESC, b.revenue_cents DESC, b.product_reference) AS position,
           COUNT(*) OVER (PARTITION BY b.city, b.units) AS same_units
    FROM by_city_product AS b
)
SELECT r.city, r.product_reference, p.name AS product_name, r.units, r.revenue_cents,
       r.same_units AS products_tied
FROM ranked AS r
JOIN products AS p ON p.reference = r.product_reference
WHERE r.position = 1
ORDER BY r.city
