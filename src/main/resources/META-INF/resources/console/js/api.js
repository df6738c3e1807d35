// Calls the service with the session's bearer token. Errors are RFC 9457 problems: ApiError
// carries their title and detail for display, never a raw body.
import { token } from './session.js';

/** A refused or failed call, with the problem's title and detail. */
export class ApiError extends Error {
  constructor(status, title, detail, problem) {
    super(detail ? `${title}: ${detail}` : title);
    this.status = status;
    this.title = title;
    this.detail = detail;
    this.problem = problem;
  }
}

async function call(method, path, body, accept) {
  const headers = { Authorization: `Bearer ${token()}`, Accept: accept };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  let response;
  try {
    response = await fetch(path, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      cache: 'no-store',
      credentials: 'omit',
    });
  } catch {
    throw new ApiError(0, 'The service cannot be reached', 'check that it is running', null);
  }
  if (response.ok) return response;
  let problem = null;
  if ((response.headers.get('Content-Type') || '').includes('json')) {
    problem = await response.json().catch(() => null);
  }
  throw new ApiError(
    response.status,
    typeof problem?.title === 'string' ? problem.title : `HTTP ${response.status}`,
    typeof problem?.detail === 'string' ? problem.detail : '',
    problem,
  );
}

/** GET a JSON resource. */
export async function getJson(path) {
  return (await call('GET', path, undefined, 'application/json')).json();
}

/** GET a text resource. */
export async function getText(path) {
  return (await call('GET', path, undefined, 'text/plain')).text();
}

/** POST JSON, answer JSON. */
export async function postJson(path, body) {
  return (await call('POST', path, body, 'application/json')).json();
}

/** DELETE, answer JSON. */
export async function deleteJson(path) {
  return (await call('DELETE', path, undefined, 'application/json')).json();
}
