// The dispatch console: sign in with a token, draw the city, keep it live, and the four views beside the map.

import { ApiError, getAllPages, getJson, session, unauthorized } from './api.js';
import { CaseQueue } from './case-queue.js';
import { CellPanel } from './cell-panel.js';
import { neutral, schemes } from './colours.js';
import { clock, count, el, errorBox, replace } from './dom.js';
import { LiveFeed } from './live.js';
import { CityMap } from './map.js';
import { PolicyView } from './policy-view.js';
import { StormView } from './storm-view.js';

const $ = selector => document.querySelector(selector);

const map = new CityMap($('#map'));
const live = new LiveFeed();
const panel = new CellPanel($('#cell-view .content'));
const queue = new CaseQueue($('#cases-view'));
const storm = new StormView($('#storm-view'));
const policies = new PolicyView($('#policy-view'));
let refreshSelected = null;
// Each area's parent, and each cell's own area: which cells an area holds, at any level.
const parentOf = new Map();
const areaOfCell = new Map();

function showSignIn(error) {
  live.stop();
  $('#console').hidden = true;
  $('#who').hidden = true;
  $('#sign-in').hidden = false;
  replace($('#sign-in-error'), error ? errorBox(error) : '');
  $('#token-input').focus();
}

async function start() {
  $('#sign-in').hidden = true;
  $('#console').hidden = false;
  const claims = session.claims;
  replace($('#who-name'), claims.name ?? claims.sub ?? 'signed in');
  $('#who').hidden = false;
  replace($('#map-summary'), 'Loading the city…');
  try {
    const areas = await getJson('/v1/areas');
    replace($('#city-name'), areas.cityName);
    document.title = `${areas.cityName} · dispatch console`;
    fillAreas(areas.areas ?? []);
    const cells = await getAllPages('/v1/cells', { pageSize: 1000, includeBoundary: true }, page => page.cells ?? []);
    for (const cell of cells) areaOfCell.set(cell.cellId, cell.areaCode);
    map.draw(cells);
    summarize();
    live.start();
  } catch (error) {
    if (error instanceof ApiError && error.httpStatus === 401) return;
    replace($('#map-summary'), errorBox(error));
  }
}

// Every area select: the city, then districts, streets and communities, each indented under its parent.
function fillAreas(areas) {
  for (const area of areas) parentOf.set(area.code, area.parentCode ?? '');
  const children = new Map();
  for (const area of areas) children.set(area.parentCode ?? '', [...(children.get(area.parentCode ?? '') ?? []), area]);
  const options = [el('option', { value: '' }, 'The whole city')];
  const visit = (parent, depth) => {
    for (const area of children.get(parent) ?? []) {
      options.push(el('option', { value: area.code }, `${'\u2003'.repeat(depth)}${area.name}`));
      visit(area.code, depth + 1);
    }
  };
  visit('', 0);
  for (const select of document.querySelectorAll('select.areas')) replace(select, options.map(o => o.cloneNode(true)));
}

// The cells whose own area is the area or lies below it.
function cellsIn(areaCode) {
  const within = code => code === areaCode || (code !== '' && parentOf.has(code) && within(parentOf.get(code)));
  return [...areaOfCell].filter(([, code]) => within(code)).map(([cellId]) => cellId);
}

function scheme() {
  return schemes[$('#colour-by').value];
}

function tooltipOf(cellId, pulse) {
  if (!pulse) return cellId;
  const risk = pulse.floodRisk ? `, flood risk ${pulse.floodRisk.level.replace('FLOOD_RISK_LEVEL_', '').toLowerCase()}` : '';
  return `${cellId}: ${pulse.openCases ?? 0} open (${pulse.overdueCases ?? 0} overdue), ${pulse.alarms ?? 0} alarms${risk}`;
}

function paint(cellIds) {
  const { colourOf } = scheme();
  for (const cellId of cellIds) {
    const pulse = live.pulses.get(cellId);
    map.paint(cellId, pulse ? colourOf(pulse) : neutral, tooltipOf(cellId, pulse));
  }
}

function repaint() {
  paint(map.paths.keys());
  const legend = scheme().legend();
  replace($('#legend'), el('h3', {}, scheme().title), el('ul', {}, legend.map(([label, colour]) =>
    el('li', {}, el('span', { class: 'swatch', style: { background: colour } }), label))));
}

function summarize() {
  let open = 0, overdue = 0, alarms = 0, atRisk = 0;
  for (const pulse of live.pulses.values()) {
    open += pulse.openCases ?? 0;
    overdue += pulse.overdueCases ?? 0;
    alarms += pulse.alarms ?? 0;
    if (['FLOOD_RISK_LEVEL_HIGH', 'FLOOD_RISK_LEVEL_SEVERE'].includes(pulse.floodRisk?.level)) atRisk++;
  }
  replace($('#map-summary'), `${count(map.paths.size)} cells · ${count(open)} open cases · ${count(overdue)} overdue · `
    + `${count(alarms)} alarms · ${count(atRisk)} cells at high flood risk`);
}

function selectCell(cellId) {
  map.select(cellId);
  showView('cell');
  panel.show(cellId);
}

function showView(name) {
  for (const tab of document.querySelectorAll('#views button')) tab.setAttribute('aria-selected', String(tab.dataset.view === name));
  for (const view of document.querySelectorAll('#side > section')) view.hidden = view.dataset.view !== name;
}

live.addEventListener('pulses', e => {
  const { snapshot, changed } = e.detail;
  paint(changed.map(p => p.cellId));
  summarize();
  // The shown cell is read again when it changes, at most twice a second.
  if (!snapshot && map.selected && changed.some(p => p.cellId === map.selected.dataset.cell) && !refreshSelected) {
    refreshSelected = setTimeout(() => {
      refreshSelected = null;
      panel.refresh();
    }, 500);
  }
});

live.addEventListener('status', e => {
  const status = $('#live-status');
  status.dataset.state = e.detail.state;
  replace(status, e.detail.state === 'live' ? `live · ${clock(live.lastMessageAt)}` : e.detail.text);
});

unauthorized.addEventListener('refused', e => {
  session.token = null;
  showSignIn(e.detail);
});

map.addEventListener('cellclick', e => selectCell(e.detail));
queue.addEventListener('cellclick', e => selectCell(e.detail));
storm.addEventListener('cellclick', e => selectCell(e.detail));
storm.addEventListener('issued', () => {
  $('#colour-by').value = 'risk';
  repaint();
});

$('#colour-by').addEventListener('change', repaint);
$('#map-area').addEventListener('change', e => (e.target.value ? map.zoomTo(cellsIn(e.target.value)) : map.resetView()));
for (const tab of document.querySelectorAll('#views button')) {
  tab.addEventListener('click', () => {
    showView(tab.dataset.view);
    if (tab.dataset.view === 'cases' && !queue.searched) {
      queue.searched = true;
      queue.search();
    }
    if (tab.dataset.view === 'policies' && !policies.scored) policies.score();
  });
}

$('#sign-in-form').addEventListener('submit', e => {
  e.preventDefault();
  const token = $('#token-input').value.trim();
  if (!token) {
    replace($('#sign-in-error'), errorBox({ message: 'Paste an access token first: the development token the silo printed at start, or one from its token verb.' }));
    return;
  }
  session.token = token;
  $('#token-input').value = '';
  start();
});

$('#sign-out').addEventListener('click', () => {
  session.token = null;
  showSignIn();
});

repaint();
if (session.token) start();
else showSignIn();
