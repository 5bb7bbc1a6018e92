// A catalog's history in the catalog view: its versions newest first (who, when, why, what), paged with "Older
// versions"; the changes between a version and the current one, or between any two, product by product and field by
// field ("sodium 35 mg → 45 mg"); and, for those who may change the catalog, "Restore this version": a confirmation
// that asks why, then a forward revert, a new version whose content is the old one's (the versions between stay).
import {call, catalogPath, get} from './api.js';
import {byId, el, replace} from './dom.js';

const PAGE = 10;

/** "2026-12-08 14:05 UTC", from an ISO instant. */
export function timeText(iso) {
  return iso ? iso.replace('T', ' ').replace(/:\d\d(\.\d+)?Z$/, ' UTC') : '';
}

/** A field's value as the catalog writes it: "45 mg", "gel", ["vegan"] → "vegan"; absent → "none". */
function valueText(value) {
  if (value === undefined || value === null) return 'none';
  if (Array.isArray(value)) return value.length ? value.map(valueText).join(', ') : 'none';
  if (typeof value === 'object') return Object.entries(value).map(([key, each]) => `${key} ${valueText(each)}`).join(', ');
  return String(value);
}

/** "sodium 35 mg → 45 mg" for the field path "nutrients.sodium". */
export function fieldChangeText(path, {before, after}) {
  const name = path.startsWith('nutrients.') ? path.slice('nutrients.'.length) : path;
  return `${name} ${valueText(before)} → ${valueText(after)}`;
}

/** "changed: maurten-gel-100; removed: cola-12oz", or "no product changed"; a long list names its first few. */
function summaryText(summary) {
  const SHOWN = 5;
  const ids = (list) => (list.length <= SHOWN ? list.join(', ') : `${list.slice(0, SHOWN).join(', ')} and ${list.length - SHOWN} more`);
  const parts = ['added', 'changed', 'removed'].filter((kind) => summary?.[kind]?.length)
    .map((kind) => `${kind}: ${ids(summary[kind])}`);
  return parts.length ? parts.join('; ') : 'no product changed';
}

/**
 * @param options.catalog   the name of the catalog shown
 * @param options.version   its version as last listed (the If-Match of a restore)
 * @param options.mayWrite  true when the signed-in user may change it
 * @param options.restored  called with (catalog, its new version) after a restore
 */
export function createHistoryView({catalog, version, mayWrite, restored}) {
  const list = byId('version-list');
  const older = byId('older-versions');
  const status = byId('history-status');
  const diffPanel = byId('diff-panel');
  const dialog = byId('restore-dialog');
  const restoreForm = byId('restore-form');
  const restoreError = byId('restore-error');
  let next = null; // the path of the next (older) page
  let current = null; // the newest version listed
  let shown = null; // the diff shown: {from, to}

  async function page(path, append) {
    const answer = await get(path);
    if (answer.status !== 200) {
      status.textContent = answer.body?.message ?? `The service answered ${answer.status}.`;
      return;
    }
    if (!append) {
      status.textContent = '';
      current = answer.body.versions[0]?.version ?? null;
      replace(list);
    }
    list.append(...answer.body.versions.map(versionItem));
    next = answer.body.next;
    older.hidden = next == null;
  }

  function versionItem(entry) {
    const newest = entry.version === current;
    const compare = el('button', {type: 'button', class: 'link', 'data-compare': entry.version},
      newest ? 'What it changed' : `Changes since v${entry.version}`);
    compare.addEventListener('click', () => (newest ? showDiff(entry.version - 1, entry.version) : showDiff(entry.version, current)));
    return el('li', {'data-version': entry.version},
      el('p', {class: 'version-head'},
        el('strong', {}, `v${entry.version}`), newest ? el('span', {class: 'tag current'}, 'current') : null,
        (entry.tags ?? []).map((tag) => el('span', {class: 'tag', 'data-tag': tag}, tag)),
        ' · ', timeText(entry.time), ' · ', el('span', {class: 'author'}, entry.author ?? 'unknown')),
      el('p', {class: 'message'}, entry.message ?? el('em', {}, 'no message')),
      el('p', {class: 'summary hint'}, `${summaryText(entry.summary)} · ${entry.products} products`),
      newest && entry.version <= 1 ? null : el('p', {}, compare));
  }

  /** The changes from version `from` to version `to` (a number, or null for the current one). */
  async function showDiff(from, to) {
    const params = new URLSearchParams({from: String(from)});
    if (to != null) params.set('to', String(to));
    const answer = await get(catalogPath(catalog(), `/diff?${params}`));
    diffPanel.hidden = false;
    if (answer.status !== 200) {
      shown = null;
      replace(diffPanel, el('h4', {id: 'diff-title', tabindex: '-1'}, 'Changes'),
        el('p', {class: 'field-error', role: 'alert'}, answer.body?.message ?? `The service answered ${answer.status}.`));
      return;
    }
    const diff = answer.body;
    shown = {from: diff.from, to: diff.to};
    const atCurrent = diff.to === version();
    const restore = atCurrent && diff.from < diff.to && diff.changes.length > 0 && mayWrite()
      ? el('button', {type: 'button', class: 'danger', id: 'restore-version'}, `Restore version ${diff.from}…`) : null;
    restore?.addEventListener('click', () => askRestore(diff.from));
    const close = el('button', {type: 'button'}, 'Close');
    close.addEventListener('click', () => {
      diffPanel.hidden = true;
      replace(diffPanel);
      shown = null;
    });
    replace(diffPanel,
      el('h4', {id: 'diff-title', tabindex: '-1'}, `Changes from v${diff.from} to v${diff.to}${atCurrent ? ' (current)' : ''}`),
      diff.changes.length === 0 ? el('p', {}, 'No product differs between these versions'
        + (atCurrent && diff.from < diff.to ? `: restoring v${diff.from} would change nothing.` : '.'))
        : el('p', {class: 'hint'}, `${diff.changes.length} ${diff.changes.length === 1 ? 'product differs' : 'products differ'}.`),
      el('ul', {class: 'changes', id: 'diff-list'}, diff.changes.map((change) => {
        const fields = Object.entries(change.fields ?? {});
        return el('li', {'data-product': change.id, 'data-change': change.change},
          el('strong', {}, change.product?.name ?? change.id), ' ', el('span', {class: 'id'}, change.id), ' ',
          el('span', {class: `change ${change.change}`}, change.change),
          fields.length ? el('ul', {class: 'fields'}, fields.map(([path, each]) => el('li', {}, fieldChangeText(path, each)))) : null);
      })),
      el('p', {class: 'actions'}, restore, close));
    byId('diff-title').focus();
  }

  function askRestore(to) {
    restoreForm.dataset.to = String(to);
    byId('restore-heading').textContent = `Restore version ${to}?`;
    byId('restore-what').textContent = `Catalog ${catalog()} gets a new version whose products are version ${to}'s. `
      + `The versions since stay in its history, so this can be undone the same way.`;
    byId('restore-message').value = '';
    restoreError.textContent = '';
    dialog.showModal();
    byId('restore-message').focus();
  }

  restoreForm.addEventListener('submit', async (event) => {
    event.preventDefault();
    const to = Number(restoreForm.dataset.to);
    const message = byId('restore-message').value.trim();
    if (message === '') {
      restoreError.textContent = 'Say why: the message is kept with the new version in the catalog\'s history.';
      byId('restore-message').focus();
      return;
    }
    const name = catalog();
    const answer = await call('POST', catalogPath(name, ':revert'), {body: {to, message}, ifMatch: version(),
      onBusy: (seconds) => { restoreError.textContent = `The store is busy, retrying in ${seconds} s…`; }});
    if (answer.status === 200) {
      dialog.close();
      const now = answer.body.catalog.version;
      await restored(name, now);
      await refresh();
      replace(status, el('span', {class: 'banner ok', id: 'restored'},
        `Restored version ${to}: catalog ${name} is at version ${now} now.`));
      return;
    }
    const why = answer.body?.message ?? `the service answered ${answer.status}`;
    restoreError.textContent = `Not restored: ${why.replace(/\.$/, '')}.`
      + (answer.status === 409 ? ' Close this, look at the history again, and restore from there if still needed.' : '');
  });
  byId('restore-cancel').addEventListener('click', () => dialog.close());
  older.addEventListener('click', () => next && page(next, true));

  byId('compare-form').addEventListener('submit', async (event) => {
    event.preventDefault();
    const from = byId('compare-from').value.trim();
    const to = byId('compare-to').value.trim();
    if (from === '') {
      byId('compare-error').textContent = 'Say which version to compare from: a number or a tag.';
      return;
    }
    byId('compare-error').textContent = '';
    await showDiff(from, to === '' ? null : to);
  });

  /** Lists the newest versions of the catalog shown again. */
  async function refresh() {
    diffPanel.hidden = true;
    replace(diffPanel);
    shown = null;
    await page(catalogPath(catalog(), `/versions?limit=${PAGE}`), false);
  }

  return {
    refresh,
    /** Someone signed in or out: a diff shown offers restoring only to those who may. */
    accessChanged() {
      if (shown) showDiff(shown.from, shown.to);
    },
  };
}
