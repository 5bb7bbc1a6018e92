// Calls to the service: JSON in and out. A 503 "busy" is retried after its Retry-After, and the caller is told
// each time so the page can say "busy, retrying"; an abort signal stops the waiting too. Signed in, every change
// carries the session's CSRF token; a 401 from any route but signing in is reported, so the page can offer it.

const SAFE_METHODS = ['GET', 'HEAD', 'OPTIONS'];
let csrfToken = null;
let unauthenticated = null;

/** The signed-in session's CSRF token, sent as X-CSRF-Token with every change; null when signed out. */
export function useCsrfToken(token) {
  csrfToken = token;
}

/** Calls handler(body) when a route other than signing in answers 401. */
export function whenUnauthenticated(handler) {
  unauthenticated = handler;
}

const sleep = (ms, signal) => new Promise((resolve, reject) => {
  if (signal?.aborted) return reject(signal.reason);
  const timer = setTimeout(resolve, ms);
  signal?.addEventListener('abort', () => {
    clearTimeout(timer);
    reject(signal.reason);
  }, {once: true});
});

/** Seconds to wait from a Retry-After header (seconds or an HTTP date); 1 when absent or unreadable. */
export function retryAfterSeconds(header) {
  if (header == null || header.trim() === '') return 1;
  const seconds = Number(header);
  if (Number.isFinite(seconds) && seconds >= 0) return Math.min(seconds, 120);
  const date = Date.parse(header);
  return Number.isNaN(date) ? 1 : Math.min(Math.max((date - Date.now()) / 1000, 0), 120);
}

/**
 * Sends a request and reads the JSON answer: {status, body, etag}. Network failures throw.
 *
 * @param options.body     sent as JSON when given
 * @param options.ifMatch  a catalog version, sent as If-Match
 * @param options.message  why a catalog change is made, sent as X-Change-Message (kept in the catalog's history)
 * @param options.onBusy   called with (seconds, attempt) before each wait on a 503 busy; without it a 503 is returned
 * @param options.signal   aborts the request and any wait
 */
export async function call(method, path, {body, ifMatch, message, onBusy, signal, maxRetries = 60} = {}) {
  const headers = {Accept: 'application/json'};
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (ifMatch != null) headers['If-Match'] = `"${ifMatch}"`;
  // Any text travels: percent-encoded UTF-8 after UTF-8'' (RFC 8187), which the service decodes.
  if (message != null) headers['X-Change-Message'] = `UTF-8''${encodeURIComponent(message)}`;
  if (csrfToken && !SAFE_METHODS.includes(method)) headers['X-CSRF-Token'] = csrfToken;
  for (let attempt = 1; ; attempt++) {
    const response = await fetch(path, {
      method, headers, signal, body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    let json = null;
    try {
      json = text ? JSON.parse(text) : null;
    } catch {
      json = {error: 'not_json', message: `the service answered ${response.status} without JSON`, details: []};
    }
    if (response.status === 503 && json?.error === 'busy' && onBusy && attempt <= maxRetries) {
      const seconds = retryAfterSeconds(response.headers.get('Retry-After'));
      onBusy(seconds, attempt);
      await sleep(Math.max(seconds, 0.25) * 1000, signal);
      continue;
    }
    if (response.status === 401 && unauthenticated && !/^\/api\/v1\/(session|setup)\b/.test(path)) unauthenticated(json);
    return {status: response.status, body: json, etag: response.headers.get('ETag')};
  }
}

export const get = (path, options) => call('GET', path, options);

/** Why a change message cannot be sent: it is empty or too long; null when it can. */
export function changeMessageFault(text) {
  if (text.trim() === '') return 'say what changed, and why: it is kept with the new version in the catalog\'s history';
  if (text.length > 500) return `at most 500 characters (this is ${text.length})`;
  return null;
}

/** The path of a catalog's route, its name escaped. */
export const catalogPath = (catalog, rest = '') => `/api/v1/catalogs/${encodeURIComponent(catalog)}${rest}`;
