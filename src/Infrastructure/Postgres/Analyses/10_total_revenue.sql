-- Total revenue and units sold over the whole period.
-- PostgreSQL's text of Analyses/10_total_revenue.sql, which reads the summaries SQLite's runs build first (Analyses/Summaries);
-- PostgreSQL sums the sales table here, as before those summaries.
-- Revenue of a sales line = quantity x the unit price stored on the line at import time, in cents.
SELECT
    COUNT(*)                                          AS sales_lines,
    COALESCE(SUM(quantity), 0)                        AS units,
    COALESCE(SUM(quantity * unit_price_cents), 0)     AS revenue_cents,
    MIN(sale_date)                                    AS first_day,
    MAX(sale_date)                                    AS last_day
FROM sales
