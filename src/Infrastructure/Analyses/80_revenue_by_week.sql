-- Revenue, units and sales lines by week (ISO-8601 weeks, Monday to Sunday), with the change against the previous week.
-- Every week from the first to the last week with sales is listed, with zeros when it sold nothing, so gaps show.
-- week_start is the Monday, iso_week the ISO year and week number (the week of the Thursday, e.g. 2023-W21).
-- change_pct_x100 = (revenue - previous week's revenue) / previous week's revenue, in hundredths of a percent,
-- rounded half away from zero in integer arithmetic (+12.345 % -> 1235, -12.345 % -> -1235); empty for the first
-- week and after a week without revenue (no finite change).
WITH RECURSIVE weeks (week_start) AS (
    SELECT date(MIN(sale_date), 'weekday 0', '-6 days') FROM sales HAVING COUNT(*) > 0
    UNION ALL
    SELECT date(week_start, '+7 days') FROM weeks
    WHERE week_start < (SELECT date(MAX(sale_date), 'weekday 0', '-6 days') FROM sales)
),
by_week AS (
    -- Summed in one pass over the table first, each sale in the week of its Monday.
    SELECT date(sale_date, 'weekday 0', '-6 days') AS week_start,
           COUNT(*) AS sales_lines, SUM(quantity) AS units, SUM(quantity * unit_price_cents) AS revenue_cents
    FROM sales
    GROUP BY 1
),
listed AS (
    SELECT w.week_start,
           COALESCE(b.sales_lines, 0)   AS sales_lines,
           COALESCE(b.units, 0)         AS units,
           COALESCE(b.revenue_cents, 0) AS revenue_cents,
           LAG(COALESCE(b.revenue_cents, 0)) OVER (ORDER BY w.week_start) AS previous_cents
    FROM weeks AS w
    LEFT JOIN by_week AS b ON b.week_start = w.week_start
)
SELECT week_start,
       date(week_start, '+6 days')                                      AS week_end,
       strftime('%Y', week_start, '+3 days') || '-W' ||
           printf('%02d', (CAST(strftime('%j', week_start, '+3 days') AS INTEGER) - 1) / 7 + 1) AS iso_week,
       sales_lines,
       units,
       revenue_cents,
       CASE WHEN previous_cents > 0 THEN
           SIGN(revenue_cents - previous_cents)
           * ((ABS(revenue_cents - previous_cents) * 10000 * 2 + previous_cents) / (2 * previous_cents))
       END                                                              AS change_pct_x100
FROM listed
ORDER BY week_start
