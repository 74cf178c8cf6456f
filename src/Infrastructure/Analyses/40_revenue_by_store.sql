-- Revenue and units by store, with revenue per employee.
-- revenue_per_employee_cents is rounded half up to the cent; it is empty for a store with no employee.
-- Sales are read from the run's sales_by_product_store summary, summed by store, then joined to the stores.
WITH sold AS (
    SELECT store_id, SUM(units) AS units, SUM(revenue_cents) AS revenue_cents
    FROM sales_by_product_store
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
