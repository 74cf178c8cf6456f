-- Revenue and units by city (all the stores of a city together), with the city's share of total revenue.
-- Every city of the stores sheet is listed, with zeros when it sold nothing.
-- share_pct_x100: hundredths of a percent, rounded half up in integer arithmetic.
WITH by_city AS (
    SELECT st.city,
           COUNT(DISTINCT st.id)                             AS stores,
           COALESCE(SUM(s.quantity), 0)                      AS units,
           COALESCE(SUM(s.quantity * s.unit_price_cents), 0) AS revenue_cents
    FROM stores AS st
    LEFT JOIN sales AS s ON s.store_id = st.id
    GROUP BY st.city
),
total AS (SELECT SUM(revenue_cents) AS revenue_cents FROM by_city)
SELECT c.city, c.stores, c.units, c.revenue_cents,
       (c.revenue_cents * 10000 + t.revenue_cents / 2) / NULLIF(t.revenue_cents, 0) AS share_pct_x100
FROM by_city AS c CROSS JOIN total AS t
ORDER BY c.revenue_cents DESC, c.city
