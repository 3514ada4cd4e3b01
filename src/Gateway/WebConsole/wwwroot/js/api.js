// The gateway's JSON routes (gRPC transcoding), called with the dispatcher's token. A refusal becomes an ApiError
// carrying the gRPC status, the message and the field violations the gateway names.

const tokenKey = 'governance.console.token';

export const session = {
  get token() { return sessionStorage.getItem(tokenKey); },
  set token(value) {
    if (value) sessionStorage.setItem(tokenKey, value);
    else sessionStorage.removeItem(tokenKey);
  },
  // Who the token says the dispatcher is; the gateway checks the signature, this is only for display.
  get claims() {
    try {
      const payload = this.token.split('.')[1].replaceAll('-', '+').replaceAll('_', '/');
      return JSON.parse(new TextDecoder().decode(Uint8Array.from(atob(payload), c => c.charCodeAt(0))));
    } catch {
      return {};
    }
  },
};

export class ApiError extends Error {
  constructor(httpStatus, body) {
    super(body?.message || `The gateway answered HTTP ${httpStatus}.`);
    this.httpStatus = httpStatus;
    this.code = body?.code ?? 0;
    this.fieldViolations = (body?.details ?? []).flatMap(d => d.fieldViolations ?? []);
  }
}

// Fired when the gateway refuses the token, so the console can ask for a new one.
export const unauthorized = new EventTarget();

export function query(params = {}) {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) {
    for (const item of Array.isArray(value) ? value : [value]) {
      if (item !== undefined && item !== null && item !== '' && item !== false) search.append(name, item);
    }
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

export async function request(path, { method = 'GET', body, signal } = {}) {
  const headers = { Authorization: `Bearer ${session.token}` };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const response = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body), signal });
  if (!response.ok) throw await refusal(response);
  return response;
}

export async function getJson(path, params, signal) {
  return (await request(path + query(params), { signal })).json();
}

export async function postJson(path, body, signal) {
  return (await request(path, { method: 'POST', body, signal })).json();
}

// Every page of a paged list, following next_page_token.
export async function getAllPages(path, params, itemsOf, signal) {
  const items = [];
  let pageToken = '';
  do {
    const page = await getJson(path, { ...params, pageToken }, signal);
    items.push(...itemsOf(page));
    pageToken = page.nextPageToken ?? '';
  } while (pageToken);
  return items;
}

// A server stream: one JSON message per line, handed to onMessage as each line completes.
export async function readStream(path, params, onMessage, signal) {
  const response = await request(path + query(params), { signal });
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffered = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return;
    buffered += value;
    let newline;
    while ((newline = buffered.indexOf('\n')) >= 0) {
      const line = buffered.slice(0, newline).trim();
      buffered = buffered.slice(newline + 1);
      if (line) onMessage(JSON.parse(line));
    }
  }
}

async function refusal(response) {
  let body = null;
  try {
    body = await response.json();
  } catch {
    // Not a google.rpc.Status body (a proxy's page, say): the HTTP status says enough.
  }
  const error = new ApiError(response.status, body);
  if (response.status === 401) unauthorized.dispatchEvent(new CustomEvent('refused', { detail: error }));
  return error;
}
