-- Revenue and units by store, with revenue per employee.
-- PostgreSQL's text of Analyses/40_revenue_by_store.sql, which reads the summaries SQLite's runs build first (Analyses/Summaries);
-- PostgreSQL sums the sales table here, as before those summaries.
-- revenue_per_employee_cents is rounded half up to the cent; it is empty for a store with no employee.
-- Sales are summed by store in one pass over the table first, then joined to the stores.
-- Sums are cast to BIGINT so that / stays integer division on every engine (PostgreSQL's SUM of bigint is numeric).
WITH sold AS (
    SELECT store_id, CAST(SUM(quantity) AS BIGINT) AS units, CAST(SUM(quantity * unit_price_cents) AS BIGINT) AS revenue_cents
    FROM sales
    GROUP BY store_id
)
SELECT st.id                                              AS store_id,
       st.city,
       st.employees,
       COALESCE(s.units, 0)                               AS units,
       COALESCE(s.revenue_cents, 0)                       AS revenue_cents,
       (COALESCE(s.revenue_cents, 0) * 2 + st.employees)
           / NULLIF(2 * st.employees, 0)                  AS revenue_per_employee_cents
FROM stores AS st
LEFT JOIN sold AS s ON s.store_id = st.id
ORDER BY revenue_cents DESC, st.id
