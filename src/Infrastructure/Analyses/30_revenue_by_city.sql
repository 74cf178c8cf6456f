-- Revenue and units by city (all the stores of a city together), with the city's share of total revenue.
-- Every city of the stores sheet is listed, with zeros when it sold nothing.
-- share_pct_x100: hundredths of a percent, rounded half up in integer arithmetic.
-- Sales are summed by store in one pass over the table first, then by city.
-- Sums are cast to BIGINT so that / stays integer division on every engine (PostgreSQL's SUM of bigint is numeric).
WITH sold AS (
    SELECT store_id, CAST(SUM(quantity) AS BIGINT) AS units, CAST(SUM(quantity * unit_price_cents) AS BIGINT) AS revenue_cents
    FROM sales
    GROUP BY store_id
),
by_city AS (
    SELECT st.city,
           COUNT(DISTINCT st.id)                AS stores,
           CAST(COALESCE(SUM(s.units), 0) AS BIGINT)         AS units,
           CAST(COALESCE(SUM(s.revenue_cents), 0) AS BIGINT) AS revenue_cents
    FROM stores AS st
    LEFT JOIN sold AS s ON s.store_id = st.id
    GROUP BY st.city
),
total AS (SELECT CAST(SUM(revenue_cents) AS BIGINT) AS revenue_cents FROM by_city)
SELECT c.city, c.stores, c.units, c.revenue_cents,
       (c.revenue_cents * 10000 + t.revenue_cents / 2) / NULLIF(t.revenue_cents, 0) AS share_pct_x100
FROM by_city AS c CROSS JOIN total AS t
ORDER BY c.revenue_cents DESC, c.city
