-- cases-page.sql with the audit trail an OFFICE reader's page writes: the hand-written equivalent of the
-- unmasked, audited read, in the same one round trip.
-- The same page as petitiongraph.graphql (first 100 cases, newest first, ties by id), built as the
-- GraphQL response JSON by PostgreSQL itself and returned as one text value.
-- The signature parameter is the ordering's hash that PetitionGraph puts in its cursors (see Cursor.cs / SortPlan.cs).
WITH page AS (
    SELECT c.id, c.number, c.title, c.status, c.opened_at, c.category_id, c.village_id
    FROM cases c
    ORDER BY c.opened_at DESC, c.id
    LIMIT 101
), shown AS (
    SELECT * FROM page ORDER BY opened_at DESC, id LIMIT 100
), last AS (
    SELECT opened_at, id FROM shown ORDER BY opened_at, id DESC LIMIT 1
), audit AS (
    -- What PetitionGraph writes for an OFFICE reader: one entry listing every petitioner whose name the page shows
    -- (AuditWriter). A data-modifying CTE runs whether or not the query refers to it.
    INSERT INTO audit_entries (at, actor, role, action, petitioner_ids, subject, fields, operation)
    SELECT now(), 'bench-sql', 'OFFICE', 'READ', array_agg(DISTINCT cp.petitioner_id ORDER BY cp.petitioner_id), NULL::text, 'name', 'Bench'
    FROM shown s JOIN case_petitioners cp ON cp.case_id = s.id
    HAVING count(*) > 0
)
SELECT json_build_object('data', json_build_object('cases', json_build_object(
    'pageInfo', json_build_object(
        'hasNextPage', (SELECT count(*) > 100 FROM page),
        -- base64url (no padding) of ["SIGNATURE","2026-10-30T09:59:59.0000000Z",123]
        'endCursor', (SELECT rtrim(translate(encode(convert_to(
            '["' || @signature || '","' || to_char(opened_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US') || '0Z",' || id || ']',
            'UTF8'), 'base64'), E'+/\n', '-_'), '=') FROM last)),
    'nodes', COALESCE((SELECT json_agg(json_build_object(
        'id', encode(convert_to('Case:' || s.id, 'UTF8'), 'base64'),
        'number', s.number,
        'title', s.title,
        'status', s.status,
        -- Seeded instants have whole seconds; Asia/Shanghai has been UTC+8 since 1991.
        'openedAt', to_char(s.opened_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD"T"HH24:MI:SS') || '+08:00',
        'category', (SELECT json_build_object('code', k.code, 'nameZh', k.name_zh) FROM categories k WHERE k.id = s.category_id),
        'village', (SELECT json_build_object('name', v.name) FROM villages v WHERE v.id = s.village_id),
        'petitioners', COALESCE((
            SELECT json_agg(json_build_object('name', p.name) ORDER BY p.id)
            FROM case_petitioners cp JOIN petitioners p ON p.id = cp.petitioner_id
            WHERE cp.case_id = s.id), '[]'),
        'leaders', COALESCE((
            SELECT json_agg(json_build_object('name', l.name, 'title', l.title) ORDER BY a.role, a.valid_from, a.id)
            FROM leader_assignments a JOIN leaders l ON l.id = a.leader_id
            WHERE a.case_id = s.id AND (a.valid_to IS NULL OR a.valid_to > now())), '[]')
    ) ORDER BY s.opened_at DESC, s.id) FROM shown s), '[]'))))::text
