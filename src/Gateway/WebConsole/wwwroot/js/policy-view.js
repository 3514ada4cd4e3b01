// The policies view: every policy's composite score for a quarter (PolicyService.RankPolicies), best first, as a bar
// chart and a table of its parts and inputs; a bar or row shows that policy's last eight quarters (GetPolicyHistory).
// The score is weighted satisfaction + fund use + complaint load, and complaints weigh against it, so the chart's axis
// runs through zero and a bar below zero grows to the left.

import { getJson } from './api.js';
import { count, el, errorBox, replace } from './dom.js';

const svgNs = 'http://www.w3.org/2000/svg';
export const barColour = '#1f5fa8';
export const negativeColour = '#c0262d';
const historyQuarters = 8;

// The chart's drawing units: a label column, the bars' span, and the score's column on the right.
const chartWidth = 600;
const labelWidth = 210;
const scoreWidth = 64;
const rowHeight = 24;
const barHeight = 16;
const axisTop = 6;

export function currentQuarter(now = new Date()) {
  return `${now.getUTCFullYear()}-Q${Math.floor(now.getUTCMonth() / 3) + 1}`;
}

// "2026-Q1" moved by `by` quarters, or null when it is not a quarter (the gateway then names the field).
export function shiftQuarter(quarter, by) {
  const match = /^(\d{4})-Q([1-4])$/.exec(quarter);
  if (!match) return null;
  const index = Number(match[1]) * 4 + Number(match[2]) - 1 + by;
  return `${Math.floor(index / 4)}-Q${(index % 4) + 1}`;
}

export class PolicyView extends EventTarget {
  constructor(root) {
    super();
    this.root = root;
    this.form = root.querySelector('form');
    this.message = root.querySelector('.message');
    this.result = root.querySelector('.result');
    this.history = root.querySelector('.history');
    this.loading = null;
    this.loadingHistory = null;
    this.scored = false;
    this.form.elements.quarter.value = currentQuarter();
    this.form.addEventListener('submit', e => {
      e.preventDefault();
      this.score();
    });
  }

  // The weights asked for, as the route's query parameters: none when all three are empty (the configured weights),
  // otherwise all three, an empty one counting 0.
  weights() {
    const f = this.form.elements;
    const inputs = [['weights.satisfaction', f.satisfaction], ['weights.fundUse', f.fundUse], ['weights.complaints', f.complaints]];
    if (inputs.every(([, input]) => input.value.trim() === '')) return {};
    return Object.fromEntries(inputs.map(([name, input]) => [name, input.value.trim() === '' ? 0 : Number(input.value)]));
  }

  // A new scoring drops the one on its way, and the history shown with the old one.
  async score() {
    this.scored = true;
    this.loading?.abort();
    this.loadingHistory?.abort();
    const loading = new AbortController();
    this.loading = loading;
    const quarter = this.form.elements.quarter.value.trim();
    const weights = this.weights();
    replace(this.message, 'Scoring every policy from the live data…');
    replace(this.result);
    replace(this.history);
    try {
      const ranking = await getJson(`/v1/policy-scores/${encodeURIComponent(quarter)}`, weights, loading.signal);
      const scores = ranking.scores ?? [];
      this.shown = { quarter: ranking.quarter, weights };
      replace(this.message, scores.length === 0
        ? `No policy is defined, so there is nothing to score for ${ranking.quarter}.`
        : `${scores.length} policies scored for ${ranking.quarter}, best first. Click a bar or a row for its last ${historyQuarters} quarters.`);
      if (scores.length > 0) replace(this.result, ...this.render(ranking, scores));
    } catch (error) {
      if (loading.signal.aborted) return;
      replace(this.message, errorBox(error));
    } finally {
      if (this.loading === loading) this.loading = null;
    }
  }

  render(ranking, scores) {
    const chart = barChart(scores.map(s => ({
      id: s.policyId, label: `${s.rank}. ${s.name}`, value: s.score ?? 0, title: `${s.policyId}: ${(s.score ?? 0).toFixed(3)}`,
    })), 'The policies\u2019 scores, best first', 'policyId');
    chart.classList.add('ranking');
    chart.addEventListener('click', e => {
      const bar = e.target.closest('g.bar');
      if (bar) this.showHistory(bar.dataset.policyId);
    });
    return [
      chart,
      el('p', { class: 'weights muted' }, `Weights used: ${weightsText(ranking.weights)}.`),
      el('table', { class: 'policies' },
        el('thead', {}, el('tr', {}, ['#', 'Policy', 'Score', 'Satisfaction', 'Fund use', 'Complaint load', 'Inputs'].map(h => el('th', {}, h)))),
        el('tbody', {}, scores.map(s => {
          const row = el('tr', { dataset: { policyId: s.policyId }, tabIndex: 0 },
            el('td', {}, s.rank),
            el('td', { title: s.policyId }, s.name),
            el('td', { class: 'nowrap' }, (s.score ?? 0).toFixed(3)),
            el('td', { class: 'nowrap' }, part(s.satisfaction, s.satisfactionKnown)),
            el('td', { class: 'nowrap' }, part(s.fundUse, s.fundUseKnown)),
            el('td', { class: 'nowrap' }, part(s.complaintLoad, s.complaintsKnown)),
            el('td', {}, inputs(s)));
          row.addEventListener('click', () => this.showHistory(s.policyId));
          row.addEventListener('keydown', e => {
            if (e.key === 'Enter') this.showHistory(s.policyId);
          });
          return row;
        }))),
    ];
  }

  // The policy's scores in the eight quarters up to the one scored, with the same weights.
  async showHistory(policyId) {
    if (!this.shown) return;
    this.loadingHistory?.abort();
    const loading = new AbortController();
    this.loadingHistory = loading;
    for (const node of this.result.querySelectorAll('[data-policy-id]')) node.classList.toggle('selected', node.dataset.policyId === policyId);
    const last = this.shown.quarter;
    replace(this.history, el('p', { class: 'muted' }, `Scoring ${policyId} in each quarter…`));
    try {
      const history = await getJson(`/v1/policies/${encodeURIComponent(policyId)}/history`,
        { firstQuarter: shiftQuarter(last, 1 - historyQuarters), lastQuarter: last, ...this.shown.weights }, loading.signal);
      const quarters = history.quarters ?? [];
      const name = quarters.at(-1)?.name ?? policyId;
      replace(this.history,
        el('h3', {}, `${name}: the last ${quarters.length} quarters`),
        quarters.length === 0
          ? el('p', { class: 'muted' }, 'No scores for these quarters.')
          : barChart(quarters.map(q => ({
            id: q.quarter, label: `${q.quarter} (#${q.rank})`, value: q.score ?? 0,
            title: `${q.quarter}: ${(q.score ?? 0).toFixed(3)}, rank ${q.rank}`,
          })), `${name}\u2019s score per quarter`, 'quarter'));
    } catch (error) {
      if (loading.signal.aborted) return;
      replace(this.history, errorBox(error));
    } finally {
      if (this.loadingHistory === loading) this.loadingHistory = null;
    }
  }
}

// A horizontal bar chart: one <g class="bar"> per row with its label, its bar from the zero line (to the right for a
// positive value, to the left for a negative one) and its value to three decimals. The axis always holds zero.
function barChart(rows, description, idName) {
  const low = Math.min(0, ...rows.map(r => r.value));
  const high = Math.max(0, ...rows.map(r => r.value));
  const span = high - low || 1;
  const left = labelWidth, right = chartWidth - scoreWidth;
  const scale = (right - left) / span;
  const zero = left - low * scale;
  const height = axisTop * 2 + rows.length * rowHeight;

  const svg = svgNode('svg', { class: 'bars', viewBox: `0 0 ${chartWidth} ${height}`, role: 'img', 'aria-label': description });
  rows.forEach((row, i) => {
    const top = axisTop + i * rowHeight;
    const middle = top + rowHeight / 2;
    const group = svgNode('g', { class: 'bar', [`data-${kebab(idName)}`]: row.id, 'data-score': String(row.value) });
    const label = svgNode('text', { class: 'label', x: 0, y: middle, 'dominant-baseline': 'middle' });
    label.textContent = clip(row.label, 26);
    const bar = svgNode('rect', {
      x: (row.value >= 0 ? zero : zero + row.value * scale).toFixed(2), y: middle - barHeight / 2,
      width: Math.abs(row.value * scale).toFixed(2), height: barHeight, fill: row.value >= 0 ? barColour : negativeColour,
    });
    const value = svgNode('text', { class: 'value', x: chartWidth, y: middle, 'dominant-baseline': 'middle', 'text-anchor': 'end' });
    value.textContent = row.value.toFixed(3);
    const title = svgNode('title');
    title.textContent = row.title;
    group.append(title, label, bar, value);
    svg.append(group);
  });
  svg.append(svgNode('line', { class: 'zero', x1: zero.toFixed(2), x2: zero.toFixed(2), y1: 0, y2: height }));
  return svg;
}

function svgNode(tag, attributes = {}) {
  const node = document.createElementNS(svgNs, tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  return node;
}

function kebab(name) {
  return name.replace(/[A-Z]/g, c => `-${c.toLowerCase()}`);
}

function clip(text, length) {
  return text.length <= length ? text : `${text.slice(0, length - 1)}\u2026`;
}

function part(value, known) {
  return known ? (value ?? 0).toFixed(3) : el('span', { class: 'muted' }, 'no data');
}

function weightsText(weights = {}) {
  return `satisfaction ${weights.satisfaction ?? 0}, fund use ${weights.fundUse ?? 0}, complaints ${weights.complaints ?? 0}`;
}

// What the parts were made from: ratings and survey answers, funds, complaints per residents covered.
function inputs(s) {
  const ratings = s.caseRatings ? `${count(s.caseRatings)} ratings (mean ${s.meanCaseRating.toFixed(2)})` : 'no ratings';
  const answers = s.surveyAnswers ? `${count(s.surveyAnswers)} answers (mean ${s.meanSurveyAnswer.toFixed(2)})` : 'no answers';
  const funds = Number(s.allocatedYuan ?? 0) > 0 ? `¥${count(Number(s.spentYuan ?? 0))} of ¥${count(Number(s.allocatedYuan))} spent` : 'no funds recorded';
  const complaints = Number(s.residentsCovered ?? 0) > 0
    ? `${count(s.complaints ?? 0)} complaints, ${count(Number(s.residentsCovered))} residents (${(s.complaintsPerThousand ?? 0).toFixed(2)} ‰)`
    : `${count(s.complaints ?? 0)} complaints, nobody on file`;
  return [`${ratings} · ${answers}`, el('br'), funds, el('br'), complaints];
}
