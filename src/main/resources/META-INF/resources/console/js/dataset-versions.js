// The steward's view of every dataset's versions (GET /v1/datasets): provider, status (marked by
// colour and word), rows, input root, reject reason, times. Metadata only.
import { getJson } from './api.js';
import { el, errorBox, replace, table } from './dom.js';

const STATUSES = ['UPLOADING', 'VERIFYING', 'LOADED', 'REJECTED'];

function status(v) {
  const known = STATUSES.includes(v.status) ? v.status.toLowerCase() : 'unknown';
  return el('span', { className: `status status-${known}`, text: v.status });
}

/** Flattens datasets into one row per version, each carrying its dataset id. */
function versionRows(datasets) {
  return datasets.flatMap((d) => d.versions.map((v) => ({ ...v, datasetId: d.datasetId })));
}

/** A section listing every dataset version; reload with its button. */
export function datasetVersionsSection() {
  const box = el('div', { id: 'dataset-versions' });

  async function load() {
    try {
      const rows = versionRows(await getJson('/v1/datasets'));
      replace(box, rows.length === 0 ? el('p', { className: 'hint', text: 'No dataset has been uploaded yet.' }) : table([
        { label: 'dataset', value: (v) => v.datasetId },
        { label: 'version', value: (v) => String(v.version) },
        { label: 'provider', value: (v) => v.provider },
        { label: 'status', value: status },
        { label: 'rows', value: (v) => (v.rowCount === null ? '—' : String(v.rowCount)) },
        { label: 'input root', value: (v) => (v.inputRoot ? el('span', { className: 'mono', title: v.inputRoot, text: `${v.inputRoot.substring(0, 16)}…` }) : '—') },
        { label: 'reject reason', value: (v) => v.rejectReason ?? '' },
        { label: 'opened', value: (v) => v.createdAt },
        { label: 'committed', value: (v) => v.committedAt ?? '—' },
      ], rows, (v) => ({ dataset: { dataset: v.datasetId, version: String(v.version), status: v.status } })));
    } catch (e) {
      replace(box, errorBox(e));
    }
  }

  load();
  return el('section', {},
    el('h2', { text: 'Dataset versions' }),
    el('p', { className: 'hint', text: 'Every version each provider uploaded, newest first: metadata only, never the data.' }),
    el('button', { type: 'button', id: 'reload-datasets', text: 'Reload', onClick: load }),
    box);
}
