-- Best-selling product in each city: the product with the most units sold in the city's stores.
-- PostgreSQL's text of Analyses/60_best_seller_by_city.sql, which reads the summaries SQLite's runs build first (Analyses/Summaries);
-- PostgreSQL sums the sales table here, as before those summaries.
-- Ties are broken by higher revenue, then by the smaller product reference, so the answer is
-- always one product; products_tied says how many products share the top number of units.
-- Cities without any sale have no best seller and are not listed.
-- Sales are summed by store and product in one pass over the table first, then by city.
WITH by_store_product AS (
    SELECT store_id, product_reference,
           SUM(quantity)                    AS units,
           SUM(quantity * unit_price_cents) AS revenue_cents
    FROM sales
    GROUP BY store_id, product_reference
),
by_city_product AS (
    SELECT st.city, s.product_reference,
           SUM(s.units)         AS units,
           SUM(s.revenue_cents) AS revenue_cents
    FROM by_store_product AS s
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
