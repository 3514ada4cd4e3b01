// Small DOM helpers. Text always goes in as text (never as HTML), so a report's words cannot become markup.

export function el(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (value === undefined || value === null || value === false) continue;
    if (key === 'class') node.className = value;
    else if (key === 'dataset') Object.assign(node.dataset, value);
    // Through the CSSOM: the console's policy refuses inline style attributes.
    else if (key === 'style') Object.assign(node.style, value);
    else if (key.startsWith('on')) node.addEventListener(key.slice(2), value);
    else if (key in node && typeof value !== 'string') node[key] = value;
    else node.setAttribute(key, value === true ? '' : value);
  }
  append(node, children);
  return node;
}

export function append(node, children) {
  for (const child of children.flat()) {
    if (child === undefined || child === null || child === false) continue;
    node.append(child instanceof Node ? child : String(child));
  }
  return node;
}

export function replace(node, ...children) {
  node.replaceChildren();
  return append(node, children);
}

// "CASE_STATUS_UNDER_REVIEW" -> "under review"
export function enumLabel(value, prefix) {
  if (!value) return '';
  return String(value).replace(prefix, '').replaceAll('_', ' ').toLowerCase();
}

const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
const timeOnly = new Intl.DateTimeFormat(undefined, { timeStyle: 'medium' });
const compact = new Intl.DateTimeFormat(undefined, { month: 'numeric', day: 'numeric', hour: '2-digit', minute: '2-digit' });

export function when(timestamp) {
  return timestamp ? dateTime.format(new Date(timestamp)) : '';
}

// For a table's narrow column: month, day and time.
export function shortWhen(timestamp) {
  return timestamp ? compact.format(new Date(timestamp)) : '';
}

export function clock(date) {
  return timeOnly.format(date);
}

export function percent(probability) {
  return `${(probability * 100).toFixed(1)} %`;
}

export function count(n) {
  return Number(n ?? 0).toLocaleString();
}

// A refusal as the dispatcher should read it: the reason, then each field and what is wrong with it.
export function errorBox(error) {
  const violations = error.fieldViolations ?? [];
  return el('div', { class: 'error', role: 'alert' },
    el('p', {}, error.message),
    violations.length > 0 && el('ul', {}, violations.map(v => el('li', {}, el('code', {}, v.field), ': ', v.description))));
}
