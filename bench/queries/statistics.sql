-- The same figures as statistics(from, to, interval: MONTH, groupBy: [CATEGORY]) with every figure selected
-- (bench/PetitionGraph.Bench/StatisticsBenchmark.cs), built as the GraphQL response JSON by PostgreSQL itself.
-- @from, @to: the period's edges as instants (office-time month starts; the office is in Asia/Shanghai).
-- Definitions (DESIGN §6, as api/Statistics/StatisticsEngine.cs and FactPlan.cs count them):
--   petitions        petitions by received_at; highLevel = PROVINCE or NATIONAL; repeat = not the case's first
--   increment        first petitions (is_first) by received_at
--   backlogIncrement the first backlog span of each case (earliest entered_at, then id), by entered_at
--   resolved         backlog spans whose left_at is the instant of a RESOLVED event of the case, by left_at
--   acceptance       NOTICE deadlines by due_at; on time when met_at <= due_at
--   conclusion       CONCLUSION deadlines by due_at; on time when met_at <= due_at
--   evaluationRate   evaluations by at ÷ (those + EVALUATION deadlines by due_at not met by due_at)
--   satisfactionRate evaluations whose result is not DISSATISFIED ÷ evaluations
--   stock            spans with entered_at < t <= left_at (or still open) at t = each month's end
-- Facts after now() have not happened yet: the period ends at now() at the latest, and so does the last stock instant.
WITH months AS (
    SELECT m AS local_start,
           to_char(m, 'YYYY-MM') AS label,
           least((m + interval '1 month') AT TIME ZONE 'Asia/Shanghai', now()) AS end_at
    FROM generate_series(@from AT TIME ZONE 'Asia/Shanghai', (@to AT TIME ZONE 'Asia/Shanghai') - interval '1 month', interval '1 month') AS m
), facts (case_id, at, kind, flag, first) AS (
    SELECT p.case_id, p.received_at, 'petition', p.level IN ('PROVINCE', 'NATIONAL'), p.is_first
    FROM petitions p
    WHERE p.received_at >= @from AND p.received_at < least(@to, now())
    UNION ALL
    SELECT i.case_id, i.entered_at, 'entry', false, false
    FROM case_backlog_intervals i
    WHERE i.entered_at >= @from AND i.entered_at < least(@to, now())
      AND NOT EXISTS (SELECT FROM case_backlog_intervals e
                      WHERE e.case_id = i.case_id AND (e.entered_at, e.id) < (i.entered_at, i.id))
    UNION ALL
    SELECT i.case_id, i.left_at, 'resolution', false, false
    FROM case_backlog_intervals i
    WHERE (i.case_id, i.left_at) IN (SELECT e.case_id, e.at FROM case_events e
                                     WHERE e.kind = 'RESOLVED' AND e.at >= @from AND e.at < least(@to, now()))
    UNION ALL
    SELECT d.case_id, d.due_at, lower(d.step), d.met_at IS NOT NULL AND d.met_at <= d.due_at, false
    FROM case_deadlines d
    WHERE d.step IN ('NOTICE', 'CONCLUSION') AND d.due_at >= @from AND d.due_at < least(@to, now())
    UNION ALL
    -- Evaluation windows that closed unevaluated.
    SELECT d.case_id, d.due_at, 'expired', false, false
    FROM case_deadlines d
    WHERE d.step = 'EVALUATION' AND d.due_at >= @from AND d.due_at < least(@to, now())
      AND (d.met_at IS NULL OR d.met_at > d.due_at)
    UNION ALL
    SELECT v.case_id, v.at, 'evaluated', v.result <> 'DISSATISFIED', false
    FROM evaluations v
    WHERE v.at >= @from AND v.at < least(@to, now())
    UNION ALL
    -- Stock at a month's end t = spans with entered_at < t <= left_at: a running sum over the months of +1 where a span
    -- starts to count (the month it entered, or the first month)…
    SELECT i.case_id, greatest(i.entered_at, @from), 'stock+', false, false
    FROM case_backlog_intervals i
    WHERE i.entered_at < least(@to, now()) AND (i.left_at IS NULL OR i.left_at >= @from)
    UNION ALL
    -- …and -1 in the month it left.
    SELECT i.case_id, i.left_at, 'stock-', false, false
    FROM case_backlog_intervals i
    WHERE i.left_at >= @from AND i.left_at < least(@to, now())
), counts AS (
    SELECT date_trunc('month', f.at AT TIME ZONE 'Asia/Shanghai') AS local_start, c.category_id,
           count(*) FILTER (WHERE f.kind = 'stock+') - count(*) FILTER (WHERE f.kind = 'stock-') AS stock_change,
           count(*) FILTER (WHERE f.kind = 'petition') AS petitions,
           count(*) FILTER (WHERE f.kind = 'petition' AND f.flag) AS high_level,
           count(*) FILTER (WHERE f.kind = 'petition' AND f.first) AS increment,
           count(*) FILTER (WHERE f.kind = 'entry') AS backlog_increment,
           count(*) FILTER (WHERE f.kind = 'resolution') AS resolved,
           count(*) FILTER (WHERE f.kind = 'notice') AS notices_due,
           count(*) FILTER (WHERE f.kind = 'notice' AND f.flag) AS notices_on_time,
           count(*) FILTER (WHERE f.kind = 'conclusion') AS conclusions_due,
           count(*) FILTER (WHERE f.kind = 'conclusion' AND f.flag) AS conclusions_on_time,
           count(*) FILTER (WHERE f.kind = 'expired') AS windows_expired,
           count(*) FILTER (WHERE f.kind = 'evaluated') AS evaluated,
           count(*) FILTER (WHERE f.kind = 'evaluated' AND f.flag) AS satisfied
    FROM facts f
    JOIN cases c ON c.id = f.case_id
    GROUP BY 1, 2
), cells AS (
    SELECT m.local_start AS month, m.label, k.id AS category, k.code,
           x.petitions, x.high_level, x.increment, x.backlog_increment, x.resolved, x.notices_due, x.notices_on_time,
           x.conclusions_due, x.conclusions_on_time, x.windows_expired, x.evaluated, x.satisfied,
           sum(coalesce(x.stock_change, 0)) OVER (PARTITION BY k.id ORDER BY m.local_start) AS stock
    FROM months m
    CROSS JOIN categories k
    LEFT JOIN counts x ON x.local_start = m.local_start AND x.category_id = k.id
)
SELECT json_build_object('data', json_build_object('statistics', json_build_object('buckets', json_agg(json_build_object(
    'label', x.label,
    'category', json_build_object('code', x.code),
    'stock', x.stock,
    'increment', coalesce(x.increment, 0),
    'backlogIncrement', coalesce(x.backlog_increment, 0),
    'resolved', coalesce(x.resolved, 0),
    'petitions', coalesce(x.petitions, 0),
    'highLevelPetitions', coalesce(x.high_level, 0),
    'repeatPetitionRate', json_build_object('numerator', coalesce(x.petitions - x.increment, 0), 'denominator', coalesce(x.petitions, 0)),
    'onTimeAcceptanceRate', json_build_object('numerator', coalesce(x.notices_on_time, 0), 'denominator', coalesce(x.notices_due, 0)),
    'onTimeConclusionRate', json_build_object('numerator', coalesce(x.conclusions_on_time, 0), 'denominator', coalesce(x.conclusions_due, 0)),
    'evaluationRate', json_build_object('numerator', coalesce(x.evaluated, 0), 'denominator', coalesce(x.evaluated + x.windows_expired, 0)),
    'satisfactionRate', json_build_object('numerator', coalesce(x.satisfied, 0), 'denominator', coalesce(x.evaluated, 0))
) ORDER BY x.month, x.category))))::text
FROM cells x
