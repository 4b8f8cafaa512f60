-- The query a data journalist would write to find disagreements: group the
-- claims by subject and attribute as written, flag every group whose values
-- are not all the same. `{claims}` is replaced by the project's claims/*.json.
-- claims/subjects.json matches the glob too; it has no `claims`, so it adds no row.
WITH claims AS (
    SELECT c.subject AS subject, c.attribute AS attribute, c.value AS value
    FROM read_json('{claims}', maximum_object_size = 268435456) AS f,
         unnest(f.claims) AS t(c)
)
SELECT subject, attribute
FROM claims
GROUP BY subject, attribute
HAVING count(DISTINCT value) > 1
