-- Lists of cases (Storage/CaseList) read gov_open_case through these: each ends with the time a page is sorted by,
-- so a filter that one of them leads with reads its cases already in order and stops after a page. The due and
-- department indexes are partial: only dispatched cases have a due time or a department, and a storm's new cases
-- add nothing to them.
CREATE INDEX IF NOT EXISTS gov_case_by_time ON gov_open_case (service_id, opened_at, case_id);
CREATE INDEX IF NOT EXISTS gov_case_by_area ON gov_open_case (service_id, area_path, opened_at);
CREATE INDEX IF NOT EXISTS gov_case_by_status ON gov_open_case (service_id, status, opened_at);
CREATE INDEX IF NOT EXISTS gov_case_by_due ON gov_open_case (service_id, due_at, case_id) WHERE due_at IS NOT NULL;
CREATE INDEX IF NOT EXISTS gov_case_by_department ON gov_open_case (service_id, department, status, opened_at) WHERE department IS NOT NULL;
