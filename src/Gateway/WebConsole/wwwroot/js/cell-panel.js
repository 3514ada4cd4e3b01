// The selected cell: where it is, its flood risk, its open cases, its sensors and the residents due a visit.

import { getJson } from './api.js';
import { caseDetail } from './case-detail.js';
import { floodLevelLabel } from './colours.js';
import { count, el, enumLabel, errorBox, percent, replace, when } from './dom.js';

export class CellPanel extends EventTarget {
  constructor(root) {
    super();
    this.root = root;
    this.cellId = null;
    this.loading = null;
  }

  async show(cellId) {
    this.cellId = cellId;
    this.loading?.abort();
    const loading = new AbortController();
    this.loading = loading;
    const [cell, visits] = await Promise.allSettled([
      getJson(`/v1/cells/${encodeURIComponent(cellId)}`, {}, loading.signal),
      getJson('/v1/visits:due', { cellId, pageSize: 50 }, loading.signal),
    ]);
    if (loading.signal.aborted) return;
    if (cell.status === 'rejected') {
      replace(this.root, el('h2', {}, `Cell ${cellId}`), errorBox(cell.reason));
      return;
    }
    replace(this.root, ...this.render(cell.value.cell, visits));
    this.dispatchEvent(new Event('shown'));
  }

  // A case of the cell opens under its line, with its history; a second click closes it.
  async openCase(line, caseId) {
    const open = line.nextElementSibling?.classList.contains('case-card-line');
    if (open) {
      line.nextElementSibling.remove();
      return;
    }
    line.after(el('li', { class: 'case-card-line' }, await caseDetail(caseId)));
  }

  // Called when the live feed says the shown cell changed.
  refresh() {
    if (this.cellId) this.show(this.cellId);
  }

  render(cell, visits) {
    const place = (cell.areas ?? []).map(a => a.name).join(' · ');
    return [
      el('h2', {}, `Cell ${cell.cellId}`),
      el('p', { class: 'muted' }, place),
      el('dl', { class: 'facts' },
        fact('Households', count(cell.householdCount)),
        cell.elevationMeters !== undefined && fact('Elevation', `${cell.elevationMeters.toFixed(1)} m`),
        cell.distanceToRiverMeters !== undefined && fact('To the river', `${Math.round(cell.distanceToRiverMeters)} m`),
        fact('Reports taken', count(cell.counters?.reportsReceived)),
        fact('Flood risk', cell.floodRisk
          ? `${floodLevelLabel(cell.floodRisk.level)} (warning ${cell.floodRisk.warningId}, highest ${percent(cell.floodRisk.highestProbability ?? 0)}, ${count(cell.floodRisk.flaggedHouseholds)} flagged)`
          : 'not rated')),
      section('Open cases', cell.openCases ?? [], 'No open cases.', openCase => el('li', { class: 'case', dataset: { caseId: openCase.caseId }, tabIndex: 0, onclick: e => this.openCase(e.currentTarget, openCase.caseId) },
        el('span', { class: 'headline' }, openCase.headline || openCase.category),
        el('span', { class: 'muted' }, ` ${openCase.category} · ${enumLabel(openCase.status, 'CASE_STATUS_')} · ${when(openCase.openedAt)}`,
          openCase.reportCount > 1 ? ` · ${openCase.reportCount} reports` : ''))),
      section('Sensors', cell.sensors ?? [], 'No sensors.', sensor => el('li', { class: sensor.inAlarm ? 'sensor alarm' : 'sensor', dataset: { sensorId: sensor.sensorId } },
        el('span', {}, `${sensor.sensorId} (${sensor.kind}): ${sensor.value} ${sensor.unit}`),
        el('span', { class: 'muted' }, ` threshold ${sensor.threshold} · ${when(sensor.measuredAt)}`),
        sensor.inAlarm && el('strong', {}, ' ALARM'))),
      visits.status === 'rejected'
        ? el('section', {}, el('h3', {}, 'Residents due a visit'), errorBox(visits.reason))
        : section('Residents due a visit', visits.value.visits ?? [], 'Nobody is due a visit in the next 24 hours.', visit =>
          el('li', { class: visit.overdue ? 'visit overdue' : 'visit', dataset: { residentId: visit.residentId } },
            el('span', {}, `${visit.name}: ${visit.kind}`),
            el('span', { class: 'muted' }, ` due ${when(visit.dueAt)}`),
            visit.overdue && el('strong', {}, ` ${visit.daysOverdue} days overdue`))),
    ];
  }
}

function fact(term, value) {
  return [el('dt', {}, term), el('dd', {}, value)];
}

function section(title, items, empty, line) {
  return el('section', {},
    el('h3', {}, `${title} (${items.length})`),
    items.length === 0 ? el('p', { class: 'muted' }, empty) : el('ul', { class: 'lines' }, items.map(line)));
}
