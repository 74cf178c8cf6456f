-- Revenue and units by city (all the stores of a city together), with the city's share of total revenue.
-- Every city of the stores sheet is listed, with zeros when it sold nothing.
-- share_pct_x100: hundredths of a percent, rounded half up in integer arithmetic.
-- Sales are read from the run's sales_by_product_store summary, summed by store, then by city.
WITH sold AS (
    SELECT store_id, SUM(units) AS units, SUM(revenue_cents) AS revenue_cents
    FROM sales_by_product_store
    GROUP BY store_id
),
by_city AS (
    SELECT st.city,
           COUNT(DISTINCT st.id)                AS stores,
           COALESCE(SUM(s.units), 0)            AS units,
           COALESCE(SUM(s.revenue_cents), 0)    AS revenue_cents
    FROM stores AS st
    LEFT JOIN sold AS s ON s.store_id = st.id
    GROUP BY st.city
),
-- scale keeps revenue x 10000 an exact 64-bit integer: 1 (exact) up to a total of 10^14 cents (a trillion
-- euros); beyond, both sides are divided by it first (the share then may differ by 0.01 % in rounding).
total AS (SELECT SUM(revenue_cents) AS revenue_cents, SUM(revenue_cents) / 100000000000000 + 1 AS scale FROM by_city)
SELECT c.city, c.stores, c.units, c.revenue_cents,
       (c.revenue_cents / t.scale * 10000 + t.revenue_cents / t.scale / 2) / NULLIF(t.revenue_cents / t.scale, 0) AS share_pct_x100
FROM by_city AS c CROSS JOIN total AS t
ORDER BY c.revenue_cents DESC, c.city
