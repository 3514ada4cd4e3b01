-- Lists of cases (Storage/CaseList) read gov_open_case through these. Each ends with the time a page is sorted by, so a
-- filter one of them leads with reads its cases already in order and stops after a page; docs/benchmarks.md has what
-- each query costs with a million cases, and what the indexes cost a case's first save. The due-time indexes are
-- partial: only cases whose handling clock runs have a due time, and a storm's new cases add nothing to them.
CREATE INDEX IF NOT EXISTS gov_case_by_time ON gov_open_case (service_id, opened_at, case_id);
CREATE INDEX IF NOT EXISTS gov_case_by_area ON gov_open_case (service_id, area_path, opened_at);
CREATE INDEX IF NOT EXISTS gov_case_by_area_status ON gov_open_case (service_id, area_path, status, opened_at);
CREATE INDEX IF NOT EXISTS gov_case_by_status ON gov_open_case (service_id, status, opened_at);
CREATE INDEX IF NOT EXISTS gov_case_by_category ON gov_open_case (service_id, category, opened_at);
CREATE INDEX IF NOT EXISTS gov_case_by_department ON gov_open_case (service_id, department, status, opened_at) WHERE department IS NOT NULL;
CREATE INDEX IF NOT EXISTS gov_case_by_due ON gov_open_case (service_id, due_at, case_id) WHERE due_at IS NOT NULL;
-- Overdue cases in the order they were opened: the running ones by time, with the due time to filter on in the index.
CREATE INDEX IF NOT EXISTS gov_case_running_by_time ON gov_open_case (service_id, opened_at, due_at) WHERE due_at IS NOT NULL;
CREATE INDEX IF NOT EXISTS gov_case_by_department_due ON gov_open_case (service_id, department, due_at) WHERE due_at IS NOT NULL;
