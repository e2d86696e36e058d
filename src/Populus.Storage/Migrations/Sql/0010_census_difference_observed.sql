-- 鹿城区's 2020 census table stores 60-64 as the published 60+ minus the published 65+ (age groups of one table may
-- not overlap). That is the exact difference of two counts of the same table, an observation, not an estimate:
-- stores seeded before this step marked it estimated, which made the whole table (residents, ageing rate) read as
-- estimated. Same SQL on DuckDB and PostgreSQL.

UPDATE provenance SET figure_kind = 'observed'
WHERE figure_kind = 'estimated'
  AND note LIKE '60-64 = published 60+ (%) minus published 65+ (%)'
  AND id IN (SELECT p.provenance_id FROM population p JOIN import_batch b ON b.id = p.batch_id
             WHERE b.batch_key = 'wenzhou-published' AND p.age = '60-64' AND p.reference_date = DATE '2020-11-01');
