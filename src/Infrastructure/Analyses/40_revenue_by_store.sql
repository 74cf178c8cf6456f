-- Revenue and units by store, with revenue per employee.
-- revenue_per_employee_cents is rounded half up to the cent; it is empty for a store with no employee.
SELECT st.id                                              AS store_id,
       st.city,
       st.employees,
       COALESCE(SUM(s.quantity), 0)                       AS units,
       COALESCE(SUM(s.quantity * s.unit_price_cents), 0)  AS revenue_cents,
       (COALESCE(SUM(s.quantity * s.unit_price_cents), 0) * 2 + st.employees)
           / NULLIF(2 * st.employees, 0)                  AS revenue_per_employee_cents
FROM stores AS st
LEFT JOIN sales AS s ON s.store_id = st.id
GROUP BY st.id, st.city, st.employees
ORDER BY revenue_cents DESC, st.id
