// The case queue: cases filtered by area, status, kind, category, department and lateness, a page at a time; a row
// opens the case with its history.

import { getJson } from './api.js';
import { caseDetail } from './case-detail.js';
import { el, enumLabel, errorBox, replace, shortWhen } from './dom.js';

// The statuses in which a case is still being worked on (CaseLifecycle.IsOpen).
const openStatuses = ['REPORTED', 'REGISTERED', 'DISPATCHED', 'SUSPENDED', 'HANDLED', 'VERIFIED', 'RECEIVED', 'ACCEPTED',
  'REPLIED', 'UNDER_REVIEW', 'REVIEW_REPLIED', 'DISPUTE_REPORTED', 'MEDIATING_BY_GRID', 'MEDIATING_BY_COMMUNITY',
  'MEDIATING_BY_STREET', 'APPLIED', 'AWAITING_APPROVALS', 'FIRST_REVIEW', 'SECOND_REVIEW', 'PUBLIC_NOTICE',
  'RECTIFICATION_LISTED', 'RECTIFYING', 'RECTIFICATION_SUBMITTED'].map(s => `CASE_STATUS_${s}`);
const endedStatuses = ['REJECTED', 'CLOSED', 'EVALUATED', 'DECLINED', 'RESOLVED', 'CONCLUDED', 'AGREED', 'REFERRED', 'GRANTED',
  'REFUSED', 'RECTIFIED'].map(s => `CASE_STATUS_${s}`);

export class CaseQueue extends EventTarget {
  constructor(root) {
    super();
    this.root = root;
    this.form = root.querySelector('form');
    this.table = root.querySelector('tbody');
    this.more = root.querySelector('.more');
    this.detail = root.querySelector('.case-detail');
    this.message = root.querySelector('.message');
    this.nextPageToken = '';
    this.query = null;
    this.loading = null;
    this.fillStatuses(this.form.elements.status);
    this.form.addEventListener('submit', e => {
      e.preventDefault();
      this.search();
    });
    this.more.addEventListener('click', () => this.load(false));
  }

  fillStatuses(select) {
    replace(select,
      el('option', { value: 'open' }, 'being worked on'),
      el('option', { value: '' }, 'any status'),
      el('optgroup', { label: 'Open' }, openStatuses.map(s => el('option', { value: s }, enumLabel(s, 'CASE_STATUS_')))),
      el('optgroup', { label: 'Ended' }, endedStatuses.map(s => el('option', { value: s }, enumLabel(s, 'CASE_STATUS_')))));
  }

  filters() {
    const f = this.form.elements;
    const status = f.status.value;
    return {
      area: f.area.value,
      statuses: status === 'open' ? openStatuses : status ? [status] : [],
      kind: f.kind.value,
      category: f.category.value.trim(),
      department: f.department.value.trim(),
      overdueOnly: f.overdueOnly.checked,
      sort: f.sort.value,
      pageSize: 50,
    };
  }

  search() {
    return this.load(true);
  }

  // A new search drops the one on its way; "more" continues the shown search with the filters it was made with.
  async load(fromStart) {
    if (fromStart) {
      this.loading?.abort();
      this.query = this.filters();
      this.nextPageToken = '';
      this.table.replaceChildren();
      replace(this.detail);
    } else if (this.loading) {
      return;
    }
    const loading = new AbortController();
    this.loading = loading;
    replace(this.message, 'Loading…');
    try {
      const page = await getJson('/v1/cases', { ...this.query, pageToken: this.nextPageToken }, loading.signal);
      const cases = page.cases ?? [];
      this.table.append(...cases.map(c => this.row(c)));
      this.nextPageToken = page.nextPageToken ?? '';
      this.more.hidden = !this.nextPageToken;
      replace(this.message, this.table.rows.length === 0 ? 'No case matches these filters.' : `${this.table.rows.length} cases shown${this.nextPageToken ? ', more to load' : ''}.`);
    } catch (error) {
      if (loading.signal.aborted) return;
      this.more.hidden = true;
      replace(this.message, errorBox(error));
    } finally {
      if (this.loading === loading) this.loading = null;
    }
  }

  row(entry) {
    const row = el('tr', { class: entry.overdue ? 'overdue' : '', dataset: { caseId: entry.caseId, cellId: entry.cellId }, tabIndex: 0 },
      el('td', {}, el('code', {}, entry.caseId), el('br'), el('a', { href: '#', class: 'cell-link', dataset: { cellId: entry.cellId } }, entry.cellId)),
      el('td', {}, el('span', { class: 'category' }, entry.category), el('br'), el('span', { class: 'muted' }, entry.headline)),
      el('td', { class: 'nowrap' }, enumLabel(entry.status, 'CASE_STATUS_'), entry.department && el('br'), entry.department),
      el('td', { class: 'nowrap' }, shortWhen(entry.openedAt)),
      el('td', { class: 'nowrap' }, shortWhen(entry.dueAt), entry.overdue && el('strong', {}, ' overdue')));
    row.addEventListener('click', e => {
      if (e.target.closest('.cell-link')) {
        e.preventDefault();
        this.dispatchEvent(new CustomEvent('cellclick', { detail: entry.cellId }));
        return;
      }
      this.open(entry.caseId);
    });
    row.addEventListener('keydown', e => {
      if (e.key === 'Enter') this.open(entry.caseId);
    });
    return row;
  }

  async open(caseId) {
    replace(this.detail, await caseDetail(caseId));
  }
}
