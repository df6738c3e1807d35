// The signed-in token: kept in sessionStorage only (never in a URL, never in localStorage).
// Its claims are read for display only; the API checks the signature and enforces the role.
const KEY = 'safehouse.token';

/** Decodes a JWT's payload without verifying it; throws if it is not a JWT. */
export function claimsOf(token) {
  const parts = token.split('.');
  if (parts.length !== 3) throw new Error('a token has three dot-separated parts');
  const json = atob(parts[1].replace(/-/g, '+').replace(/_/g, '/').padEnd(Math.ceil(parts[1].length / 4) * 4, '='));
  const claims = JSON.parse(new TextDecoder().decode(Uint8Array.from(json, (c) => c.charCodeAt(0))));
  if (typeof claims !== 'object' || claims === null) throw new Error('the token has no claims');
  return claims;
}

/** The first role in the token's groups claim. */
export function roleOf(claims) {
  const groups = Array.isArray(claims.groups) ? claims.groups : [];
  return typeof groups[0] === 'string' ? groups[0] : null;
}

export function saveToken(token) {
  sessionStorage.setItem(KEY, token);
}

export function token() {
  return sessionStorage.getItem(KEY);
}

export function signOut() {
  sessionStorage.clear();
}
