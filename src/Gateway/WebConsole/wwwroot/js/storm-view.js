// The storm-warning view: issue a warning for an area under a forecast (RiskService.IssueStormWarning) and read its
// ranked households, each with its case, its grid worker and why the model put it there, and its rated cells.

import { postJson } from './api.js';
import { floodLevelLabel } from './colours.js';
import { count, el, errorBox, percent, replace } from './dom.js';

export class StormView extends EventTarget {
  constructor(root) {
    super();
    this.root = root;
    this.form = root.querySelector('form');
    this.result = root.querySelector('.result');
    this.form.addEventListener('submit', e => {
      e.preventDefault();
      this.issue();
    });
  }

  request() {
    const f = this.form.elements;
    const number = input => (input.value.trim() === '' ? 0 : Number(input.value));
    return {
      warningId: f.warningId.value.trim(),
      area: f.area.value,
      forecast: { rainfallMm24h: number(f.rainfall), durationHours: number(f.duration) },
      threshold: number(f.threshold),
      topPerCell: number(f.topPerCell),
      evacuateFrom: number(f.evacuateFrom),
      listLimit: number(f.listLimit),
    };
  }

  async issue() {
    const button = this.form.querySelector('button');
    button.disabled = true;
    replace(this.result, el('p', { class: 'muted' }, 'Scoring every household of the area…'));
    try {
      const warning = await postJson('/v1/storm-warnings', this.request());
      replace(this.result, ...this.render(warning));
      this.dispatchEvent(new CustomEvent('issued', { detail: warning }));
    } catch (error) {
      replace(this.result, errorBox(error));
    } finally {
      button.disabled = false;
    }
  }

  render(warning) {
    const households = warning.households ?? [];
    const cells = warning.cells ?? [];
    return [
      el('p', { class: 'summary' },
        `Warning ${warning.warningId}, model v${warning.modelVersion}: ${count(warning.householdsScored)} households scored, `
        + `${count(warning.householdsFlagged)} flagged, ${count(warning.casesOpened)} with a case; ${count(warning.cellsRated)} cells rated.`),
      el('h3', {}, `Households, likeliest to flood first (${households.length})`),
      el('table', { class: 'ranked' },
        el('thead', {}, el('tr', {}, ['#', 'Household · cell', 'Probability', 'Case · grid worker', 'Why'].map(h => el('th', {}, h)))),
        el('tbody', {}, households.map((h, i) => {
          const row = el('tr', { dataset: { householdId: h.householdId, cellId: h.cellId } },
            el('td', {}, i + 1),
            el('td', {}, el('code', {}, h.householdId), el('br'), el('span', { class: 'muted' }, h.cellId)),
            el('td', { class: 'nowrap' }, el('span', { class: 'bar', style: { width: `${Math.round(h.probability * 50)}px` } }), ` ${percent(h.probability)}`),
            el('td', {}, h.caseId ? el('code', {}, h.caseId) : el('span', { class: 'muted' }, 'over the cell’s limit'), el('br'),
              h.gridWorkerId || el('span', { class: 'muted' }, 'no grid worker')),
            el('td', {}, reasons(h.contributions ?? [])));
          row.addEventListener('click', () => this.dispatchEvent(new CustomEvent('cellclick', { detail: h.cellId })));
          return row;
        }))),
      el('h3', {}, `Cells rated medium or above (${cells.length})`),
      el('ul', { class: 'lines rated-cells' }, cells.map(c => {
        const line = el('li', { dataset: { cellId: c.cellId } },
          el('span', { class: `level ${floodLevelLabel(c.level)}` }, floodLevelLabel(c.level)),
          ` ${c.cellId}: ${count(c.flaggedHouseholds)} of ${count(c.households)} households flagged, highest ${percent(c.highestProbability ?? 0)}`);
        line.addEventListener('click', () => this.dispatchEvent(new CustomEvent('cellclick', { detail: c.cellId })));
        return line;
      })),
    ];
  }
}

// The three features that pushed the score up the most.
function reasons(contributions) {
  return contributions.filter(c => c.contribution > 0).slice(0, 3).map(c => `${c.feature} ${formatValue(c.value)}`).join(', ');
}

function formatValue(value) {
  return Number.isInteger(value) ? String(value) : Number(value).toFixed(1);
}
