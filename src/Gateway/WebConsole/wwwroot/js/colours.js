// How a cell is coloured in each view of the map. Every scheme has a legend; a cell with nothing to show is neutral.

export const neutral = '#e3e8ee';

const floodLevels = {
  FLOOD_RISK_LEVEL_LOW: { colour: '#cfe3f3', label: 'low' },
  FLOOD_RISK_LEVEL_MEDIUM: { colour: '#7fb3dc', label: 'medium' },
  FLOOD_RISK_LEVEL_HIGH: { colour: '#2e74b5', label: 'high' },
  FLOOD_RISK_LEVEL_SEVERE: { colour: '#16306b', label: 'severe' },
};

export const schemes = {
  open: {
    title: 'Open cases',
    colourOf: pulse => step(pulse?.openCases ?? 0, openSteps),
    legend: () => [['none', neutral], ...openSteps.map(s => [s.label, s.colour])],
  },
  overdue: {
    title: 'Overdue cases',
    colourOf: pulse => step(pulse?.overdueCases ?? 0, overdueSteps),
    legend: () => [['none', neutral], ...overdueSteps.map(s => [s.label, s.colour])],
  },
  alarms: {
    title: 'Sensor alarms',
    colourOf: pulse => step(pulse?.alarms ?? 0, alarmSteps),
    legend: () => [['none', neutral], ...alarmSteps.map(s => [s.label, s.colour])],
  },
  risk: {
    title: 'Flood risk',
    colourOf: pulse => floodLevels[pulse?.floodRisk?.level]?.colour ?? neutral,
    legend: () => [['not rated', neutral], ...Object.values(floodLevels).map(l => [l.label, l.colour])],
  },
};

const openSteps = [
  { from: 1, label: '1', colour: '#fcd89a' },
  { from: 2, label: '2–3', colour: '#f6a55c' },
  { from: 4, label: '4–7', colour: '#e8692f' },
  { from: 8, label: '8 or more', colour: '#b8321a' },
];

const overdueSteps = [
  { from: 1, label: '1', colour: '#e9a3c9' },
  { from: 3, label: '3 or more', colour: '#a8206b' },
];

const alarmSteps = [
  { from: 1, label: '1', colour: '#e0413f' },
  { from: 2, label: '2 or more', colour: '#7d0c1c' },
];

function step(value, steps) {
  let colour = neutral;
  for (const s of steps) {
    if (value >= s.from) colour = s.colour;
  }
  return colour;
}

export function floodLevelLabel(level) {
  return floodLevels[level]?.label ?? 'not rated';
}
