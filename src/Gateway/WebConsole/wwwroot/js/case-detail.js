// One case as a dispatcher reads it: where it stands, what was reported, and every step of its history.

import { getJson } from './api.js';
import { el, enumLabel, errorBox, when } from './dom.js';

export async function caseDetail(caseId) {
  try {
    const { case: found } = await getJson(`/v1/cases/${encodeURIComponent(caseId)}`);
    return el('div', { class: 'case-card', dataset: { caseId: found.caseId } },
      el('h3', {}, `Case ${found.caseId}`),
      el('p', {}, `${found.category} · ${enumLabel(found.status, 'CASE_STATUS_')} · cell ${found.cellId}`,
        found.department ? ` · ${found.department}` : '', found.overdue ? ' · overdue' : ''),
      el('p', { class: 'description' }, found.description),
      el('ol', { class: 'history' }, (found.history ?? []).map(event => el('li', {},
        el('span', { class: 'muted' }, `${when(event.at)} `),
        `${enumLabel(event.status, 'CASE_STATUS_')} by ${event.actor}`, event.note ? `: ${event.note}` : ''))));
  } catch (error) {
    return errorBox(error);
  }
}
