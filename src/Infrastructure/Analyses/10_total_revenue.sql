-- Total revenue and units sold over the whole period.
-- Revenue of a sales line = quantity x the unit price stored on the line at import time, in cents.
-- Read from the run's sales_by_day summary (Summaries/sales_by_day.sql): the same sums, a few hundred rows.
SELECT
    COALESCE(SUM(sales_lines), 0)                     AS sales_lines,
    COALESCE(SUM(units), 0)                           AS units,
    COALESCE(SUM(revenue_cents), 0)                   AS revenue_cents,
    MIN(sale_date)                                    AS first_day,
    MAX(sale_date)                                    AS last_day
FROM sales_by_day
