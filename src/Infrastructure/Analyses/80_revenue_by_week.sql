-- Revenue, units and sales lines by week (ISO-8601 weeks, Monday to Sunday), with the change against the previous week.
-- Every week from the first to the last week with sales is listed, with zeros when it sold nothing, so gaps show.
-- week_start is the Monday, iso_week the ISO year and week number (the week of the Thursday, e.g. 2023-W21).
-- change_pct_x100 = (revenue - previous week's revenue) / previous week's revenue, in hundredths of a percent,
-- rounded half away from zero in integer arithmetic (+12.345 % -> 1235, -12.345 % -> -1235); empty for the first
-- week and after a week without revenue (no finite change).
-- Bounded like revenue_by_day: the series filling empty weeks stops 36,519 days (about 100 years) after the
-- first week; weeks with sales beyond are still listed, one row each; the previous week is found by its date,
-- not by its rank. The Monday is computed backwards from the day, so it never leaves SQLite's range of dates.
WITH RECURSIVE by_week AS (
    -- The run's sales_by_day summary, each day in the week of its Monday.
    SELECT date(sale_date, '-' || ((CAST(strftime('%w', sale_date) AS INTEGER) + 6) % 7) || ' days') AS week_start,
           SUM(sales_lines) AS sales_lines, SUM(units) AS units, SUM(revenue_cents) AS revenue_cents
    FROM sales_by_day
    GROUP BY 1
),
period AS (
    SELECT MIN(week_start) AS first_week, MAX(week_start) AS last_week, date(MIN(week_start), '+36519 days') AS gap_limit
    FROM by_week
),
weeks (week_start) AS (
    SELECT first_week FROM period WHERE first_week IS NOT NULL
    UNION ALL
    SELECT date(week_start, '+7 days') FROM weeks, period WHERE week_start < period.last_week AND week_start < period.gap_limit
),
listed_weeks (week_start) AS (
    SELECT week_start FROM weeks
    UNION
    SELECT week_start FROM by_week
),
listed AS (
    SELECT w.week_start,
           COALESCE(b.sales_lines, 0)   AS sales_lines,
           COALESCE(b.units, 0)         AS units,
           COALESCE(b.revenue_cents, 0) AS revenue_cents,
           CASE WHEN w.week_start > (SELECT first_week FROM period) THEN COALESCE(p.revenue_cents, 0) END AS previous_cents
    FROM listed_weeks AS w
    LEFT JOIN by_week AS b ON b.week_start = w.week_start
    LEFT JOIN by_week AS p ON p.week_start = date(w.week_start, '-7 days')
)
SELECT week_start,
       COALESCE(date(week_start, '+6 days'), '9999-12-31')              AS week_end,
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
