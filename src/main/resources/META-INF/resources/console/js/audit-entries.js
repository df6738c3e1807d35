// Audit entries as the auditor reads them: exact bytes (for the leaf hash) and their parsed JSON.
import { getJson } from './api.js';
import { fromBase64 } from './bytes.js';

/** Returns the log's tree size (from an entries page). */
export async function treeSize() {
  return (await getJson('/v1/audit/entries?start=0&end=1')).treeSize;
}

/** Loads entries [start, end) (at most 1000) as {index, bytes, json|null}. */
export async function loadEntries(start, end) {
  const page = await getJson(`/v1/audit/entries?start=${start}&end=${end}`);
  return {
    treeSize: page.treeSize,
    entries: page.entries.map(({ index, entry }) => {
      const bytes = fromBase64(entry);
      let json = null;
      try {
        json = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
      } catch {
        json = null;
      }
      return { index, bytes, json };
    }),
  };
}

/** Shortens long rule arguments (consent hashes) for the table; the verifier uses the bytes. */
function shorten(rule) {
  return String(rule).replace(/([0-9a-f]{12})[0-9a-f]{20,}/g, '$1…');
}

/** One line per column of the table, as text. */
export function describe(entry) {
  const j = entry.json ?? {};
  const actor = j.actor ?? {};
  const target = j.target ?? {};
  const rules = j.decision?.rules?.length ? ` (${j.decision.rules.map(shorten).join(', ')})` : '';
  return {
    time: j.time ?? '',
    actor: [actor.subject, actor.role, actor.organisation].filter(Boolean).join(' · '),
    organisation: actor.organisation ?? actor.subject ?? '?',
    action: j.action ?? '(unreadable entry)',
    purpose: j.purpose ?? '',
    target: [target.datasetVersion, target.uscc, target.queryId].filter(Boolean).join(' '),
    decision: `${j.decision?.outcome ?? ''}${rules}`,
  };
}
