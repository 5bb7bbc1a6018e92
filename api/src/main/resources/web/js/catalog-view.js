// The catalog view: browse and search a catalog's products (filters by kind and tag), see a product's facts, source
// and when it is taken, add, edit and delete products with the service's validation shown at each field, and create
// an experiment catalog copied from another. The change controls show only to those who may change the catalog shown
// (editors of it, admins); anyone else sees it read-only, with a line saying who may edit. The server decides anyway.
import {catalogPath, call, changeMessageFault, get} from './api.js';
import {byId, debounce, el, replace} from './dom.js';
import {clearFieldErrors, showFieldErrors} from './fields.js';
import {createHistoryView, fieldChangeText, timeText} from './history-view.js';
import {NUTRIENTS, amountText, quantity} from './nutrients.js';

// The kinds of a product, as the service's Kind enum lists them; KindsScriptTest checks the two agree.
export const KINDS = ['drink', 'powder', 'gel', 'chew', 'bar', 'shake', 'food', 'supplement'];
// When a product is taken (its "use"), in the catalog's order.
const PHASES = ['before', 'during', 'after'];

/**
 * @param catalogs the page's catalogs: {list(), refresh(), products(name, {fresh}), changed(name, version)}
 * @param onPlanAgainst called with a catalog name to plan against it
 * @param access        who is signed in: {user(), mayWrite(catalog), mayCreate()}
 */
export function createCatalogView(catalogs, onPlanAgainst, access) {
  const select = byId('browse-catalog');
  const q = byId('browse-q');
  const kind = byId('browse-kind');
  const tag = byId('browse-tag');
  const table = byId('product-list');
  const panel = byId('product-panel');
  const status = byId('catalog-status');
  const newCatalog = byId('new-catalog');
  let version = null; // of the catalog as last listed: the If-Match of a change
  let listing = null;
  const history = createHistoryView({
    catalog: () => select.value,
    version: () => version,
    mayWrite: () => access.mayWrite(select.value),
    restored: async (catalog, now) => {
      version = now;
      catalogs.changed(catalog, now);
      closePanel();
      await list();
      await listDominated();
    },
  });

  KINDS.forEach((each) => kind.append(new Option(each, each)));

  function fillCatalogSelects() {
    for (const target of [select, byId('new-catalog-from')]) {
      const chosen = target.value;
      replace(target, catalogs.list().map((catalog) => new Option(`${catalog.name} (${catalog.products} products)`, catalog.name)));
      if (target === byId('new-catalog-from')) target.prepend(new Option('nothing (empty)', ''));
      target.value = catalogs.list().some((catalog) => catalog.name === chosen) ? chosen : 'default';
    }
  }

  async function fillTags() {
    const {products} = await catalogs.products(select.value);
    const chosen = tag.value;
    const tags = [...new Set(products.flatMap((product) => product.tags ?? []))].sort();
    replace(tag, new Option('any tag', ''), tags.map((each) => new Option(each, each)));
    tag.value = tags.includes(chosen) ? chosen : '';
  }

  async function list() {
    listing?.abort();
    listing = new AbortController();
    const params = new URLSearchParams();
    if (q.value.trim()) params.set('q', q.value.trim());
    if (kind.value) params.set('kind', kind.value);
    if (tag.value) params.set('tag', tag.value);
    clearFieldErrors(byId('catalog-view').querySelector('.catalog-bar'));
    let answer;
    try {
      answer = await get(catalogPath(select.value, `/products?${params}`), {signal: listing.signal});
    } catch (error) {
      if (error?.name !== 'AbortError') status.textContent = `Could not reach the service: ${error.message}`;
      return;
    }
    if (answer.status === 400) {
      const {unplaced} = showFieldErrors(byId('catalog-view').querySelector('.catalog-bar'), answer.body.details);
      status.textContent = unplaced.map((detail) => detail.message).join(' ');
      return;
    }
    if (answer.status !== 200) {
      status.textContent = answer.body?.message ?? `The service answered ${answer.status}.`;
      return;
    }
    version = answer.body.catalog.version;
    status.textContent = `${answer.body.count} of catalog ${answer.body.catalog.name} (version ${version})`;
    replace(table.tBodies[0], answer.body.products.map((product) => {
      const open = el('button', {type: 'button', class: 'link'}, product.name);
      open.addEventListener('click', () => showProduct(product.id));
      return el('tr', {'data-product': product.id},
        el('th', {scope: 'row'}, open, el('br'), el('span', {class: 'id'}, product.id)),
        el('td', {}, product.kind), el('td', {}, amountText(product.serving)), el('td', {}, (product.tags ?? []).join(', ')));
    }));
  }

  /** The catalog's dominated products, each with the product that dominates it, both one click from their facts. */
  async function listDominated() {
    const list = byId('dominated-list');
    const answer = await get(catalogPath(select.value, '/dominated'));
    if (answer.status !== 200) {
      byId('dominated-status').textContent = answer.body?.message ?? `The service answered ${answer.status}.`;
      return replace(list);
    }
    const {dominated} = answer.body;
    byId('dominated-status').textContent = dominated.length === 0 ? 'No product of this catalog is dominated.'
      : `${dominated.length} of catalog ${answer.body.catalog.name}:`;
    const open = (id, name) => {
      const button = el('button', {type: 'button', class: 'link'}, name);
      button.addEventListener('click', () => showProduct(id));
      return button;
    };
    replace(list, dominated.map((each) => el('li', {'data-product': each.product, 'data-by': each.by},
      open(each.product, each.name), ' is dominated by ', open(each.by, each.byName))));
  }

  // ---- one product: facts, edit, delete --------------------------------------------------------------

  async function showProduct(id, message) {
    const answer = await get(catalogPath(select.value, `/products/${encodeURIComponent(id)}`));
    if (answer.status !== 200) {
      status.textContent = answer.body?.message ?? `The service answered ${answer.status}.`;
      return;
    }
    const product = answer.body;
    const facts = [
      ['Brand', product.brand], ['Kind', product.kind], ['Serving', amountText(product.serving)],
      ['Most servings in one plan', product.maxServings], ['Price', product.price ? `${product.price.amount} ${product.price.currency}` : null],
      ['Tags', (product.tags ?? []).join(', ') || null],
      ['Preparation', preparationText(product.preparation)],
      ['Carbohydrate type', product.carbohydrateType === null ? 'not known' : product.carbohydrateType],
      ['Taken', product.use ? product.use.join(', ') : 'not said: no plan for a phase uses it']];
    const writable = access.mayWrite(select.value);
    const edit = writable ? el('button', {type: 'button', class: 'primary'}, 'Edit') : null;
    edit?.addEventListener('click', () => editProduct(product));
    const remove = writable ? el('button', {type: 'button', class: 'danger'}, 'Delete…') : null;
    remove?.addEventListener('click', () => confirmDelete(product));
    const close = el('button', {type: 'button'}, 'Close');
    close.addEventListener('click', () => closePanel());
    const past = el('button', {type: 'button', class: 'link', id: 'product-history-link'}, 'History');
    past.addEventListener('click', () => showProductHistory(product));
    openPanel(
      message ? el('p', {class: 'banner ok', role: 'status'}, message) : null,
      el('h3', {id: 'product-title'}, product.name),
      el('p', {class: 'id'}, product.id),
      el('dl', {class: 'facts'}, facts.filter(([, value]) => value != null && value !== '')
        .map(([term, value]) => [el('dt', {}, term), el('dd', {}, String(value))])),
      el('table', {class: 'nutrients'},
        el('caption', {}, 'Per serving'),
        el('tbody', {}, NUTRIENTS.map(({name}) => {
          const value = product.nutrients?.[name];
          return el('tr', {}, el('th', {scope: 'row'}, name),
            el('td', {class: value === null ? 'warn' : ''}, value === null ? 'not known' : amountText(value) ?? 'not listed (0)'));
        }))),
      el('p', {class: 'source'}, el('strong', {}, 'Source: '), product.source ?? 'not given'),
      el('p', {}, past),
      el('p', {class: 'actions'}, edit, remove, close));
  }

  /** One product's revisions, newest first: who, when, why, and each field it changed. */
  async function showProductHistory(product) {
    const answer = await get(catalogPath(select.value, `/products/${encodeURIComponent(product.id)}/history`));
    const back = el('button', {type: 'button'}, 'Back');
    back.addEventListener('click', () => showProduct(product.id));
    if (answer.status !== 200) {
      openPanel(el('h3', {}, `History of ${product.name}`),
        el('p', {class: 'field-error'}, answer.body?.message ?? `The service answered ${answer.status}.`), el('p', {class: 'actions'}, back));
      return;
    }
    const revisions = answer.body.revisions;
    openPanel(el('h3', {id: 'product-history-title'}, `History of ${product.name}`),
      el('p', {class: 'id'}, product.id),
      revisions.length === 0 ? el('p', {class: 'hint'}, 'No revision recorded.') : null,
      el('ol', {class: 'revisions', id: 'product-history'}, revisions.map((revision) => {
        const fields = Object.entries(revision.fields ?? {});
        return el('li', {'data-version': revision.version, 'data-action': revision.action},
          el('p', {class: 'revision-head'}, el('strong', {}, `v${revision.version} ${revision.action}`), ' · ',
            timeText(revision.time), ' · ', revision.author),
          el('p', {class: 'message'}, revision.message ?? el('em', {}, 'no message')),
          fields.length ? el('ul', {class: 'fields'}, fields.map(([path, change]) => el('li', {}, fieldChangeText(path, change)))) : null);
      })),
      el('p', {class: 'actions'}, back));
  }

  function openPanel(...children) {
    replace(panel, children);
    panel.hidden = false;
    panel.querySelector('h3')?.setAttribute('tabindex', '-1');
    panel.querySelector('h3')?.focus();
  }

  function closePanel() {
    panel.hidden = true;
    replace(panel);
  }

  function field(path, label, control, hint) {
    const id = control.id;
    control.setAttribute('aria-describedby', `${id}-error${hint ? ` ${id}-hint` : ''}`);
    return el('div', {class: 'field', 'data-field': path},
      el('label', {for: id}, label), control,
      hint ? el('p', {class: 'hint', id: `${id}-hint`}, hint) : null,
      el('p', {class: 'field-error', id: `${id}-error`, 'data-error-for': path}));
  }

  const text = (id, value) => el('input', {id, autocomplete: 'off', spellcheck: 'false', value: value ?? ''});

  /** "1 scoop in 355 mL water", "1 capsule taken dry", as the plan says it. */
  function preparationText(preparation) {
    if (!preparation) return null;
    const unit = preparation.unit ?? 'serving';
    return preparation.dry ? `1 ${unit} taken dry` : `1 ${unit} in ${amountText(preparation.water)} water`;
  }

  function carbohydrateSelect(product) {
    const select = el('select', {id: 'p-carbohydrateType'}, new Option('not given', ''),
      new Option('multiple transportable (glucose + fructose)', 'multiple-transportable'), new Option('single source', 'single'),
      new Option('not known (the maker does not say)', 'unknown'));
    select.value = product?.carbohydrateType === null ? 'unknown' : product?.carbohydrateType ?? '';
    return select;
  }

  /** When the product is taken: one checkbox per phase, in a group that takes the field's errors. */
  function useChecks(product) {
    const boxes = PHASES.map((phase) => el('input', {type: 'checkbox', id: `p-use-${phase}`, value: phase,
      checked: (product?.use ?? []).includes(phase), 'aria-describedby': 'p-use-hint p-use-error'}));
    return el('fieldset', {class: 'field checks', 'data-field': 'use'},
      el('legend', {}, 'Taken'),
      el('div', {class: 'check-row'}, boxes.map((box) => el('label', {class: 'check', for: box.id}, box, `${box.value} a session`))),
      el('p', {class: 'hint', id: 'p-use-hint'}, 'a plan for a phase uses only the products taken then'),
      el('p', {class: 'field-error', id: 'p-use-error', 'data-error-for': 'use'}));
  }

  function editProduct(product) {
    const editing = product != null;
    const form = el('form', {id: 'product-form', novalidate: true, 'aria-labelledby': 'product-form-title'});
    const kindSelect = el('select', {id: 'p-kind'}, KINDS.map((each) => new Option(each, each)));
    kindSelect.value = product?.kind ?? 'drink';
    const idInput = text('p-id', product?.id);
    if (editing) idInput.readOnly = true;
    const save = el('button', {type: 'submit', class: 'primary'}, editing ? 'Save' : 'Add');
    const cancel = el('button', {type: 'button'}, 'Cancel');
    cancel.addEventListener('click', () => (editing ? showProduct(product.id) : closePanel()));
    const formStatus = el('p', {class: 'field-error', id: 'product-form-status', role: 'alert'});
    const nutrientFields = NUTRIENTS.map(({name, unit}) => {
      const value = product?.nutrients?.[name];
      return field(`nutrients.${name}`, `${name} (${unit})`, text(`p-n-${name}`, value === null ? '?' : amountText(value)));
    });
    form.append(
      el('h3', {id: 'product-form-title'}, editing ? `Edit ${product.name}` : 'Add a product'),
      el('p', {class: 'hint'}, `Changes go to catalog ${select.value}.`),
      el('div', {class: 'form-grid'},
        field('id', 'Id', idInput, editing ? 'the id cannot change' : 'lowercase letters, digits and -'),
        field('name', 'Name', text('p-name', product?.name)),
        field('brand', 'Brand', text('p-brand', product?.brand)),
        field('kind', 'Kind', kindSelect),
        field('serving', 'Serving', text('p-serving', amountText(product?.serving)), 'a mass or a volume: 40 g, 500 mL'),
        field('maxServings', 'Most servings in one plan', text('p-maxServings', product?.maxServings)),
        field('price.amount', 'Price', text('p-price', product?.price?.amount)),
        field('price.currency', 'Currency', text('p-currency', product?.price?.currency ?? (editing ? '' : 'USD'))),
        field('tags', 'Tags', text('p-tags', (product?.tags ?? []).join(', ')), 'comma-separated: caffeine-free, vegan'),
        field('preparation.water', 'Mixed into', text('p-water', product?.preparation?.dry ? 'dry' : amountText(product?.preparation?.water)),
          'the water one serving is mixed into (355 mL), or dry; required for a powder or supplement'),
        field('preparation.unit', 'One serving is a', text('p-unit', product?.preparation?.unit), 'scoop, sachet, tablet…'),
        field('carbohydrateType', 'Carbohydrate type', carbohydrateSelect(product)),
        useChecks(product)),
      el('fieldset', {class: 'nutrient-fields', 'data-field': 'nutrients'},
        el('legend', {}, 'Per serving'),
        el('p', {class: 'hint'}, 'A plain number is in the unit shown. Empty: none (0). ', el('kbd', {}, '?'), ': not known.'),
        el('p', {class: 'field-error', id: 'p-nutrients-error', 'data-error-for': 'nutrients'}),
        el('div', {class: 'form-grid'}, nutrientFields)),
      field('source', 'Source', el('textarea', {id: 'p-source', rows: 3}, product?.source ?? '')),
      field('message', 'What changed, and why?', el('textarea', {id: 'p-message', rows: 2, required: true}),
        'required: kept with the new version in the catalog\'s history, with your name'),
      formStatus,
      el('p', {class: 'actions'}, save, cancel));
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      await saveProduct(form, formStatus, editing);
    });
    openPanel(form);
  }

  function readProduct() {
    const value = (id) => byId(id).value.trim();
    const product = {id: value('p-id'), name: value('p-name'), kind: byId('p-kind').value, serving: value('p-serving'), nutrients: {}};
    if (value('p-brand')) product.brand = value('p-brand');
    for (const {name} of NUTRIENTS) {
      const typed = value(`p-n-${name}`);
      if (typed === '?') product.nutrients[name] = null;
      else if (typed !== '') product.nutrients[name] = quantity(typed);
    }
    const tags = value('p-tags').split(/[,\s]+/).map((each) => each.trim()).filter(Boolean);
    if (tags.length > 0) product.tags = tags;
    if (value('p-maxServings')) product.maxServings = quantity(value('p-maxServings'));
    if (value('p-price')) product.price = {amount: quantity(value('p-price')), currency: value('p-currency')};
    if (value('p-source')) product.source = value('p-source');
    const water = value('p-water');
    if (water || value('p-unit')) {
      product.preparation = water === 'dry' ? {dry: true} : {water: quantity(water)};
      if (value('p-unit')) product.preparation.unit = value('p-unit');
    }
    const type = byId('p-carbohydrateType').value;
    if (type) product.carbohydrateType = type === 'unknown' ? null : type;
    const use = PHASES.filter((phase) => byId(`p-use-${phase}`).checked);
    if (use.length > 0) product.use = use;
    return product;
  }

  async function saveProduct(form, formStatus, editing) {
    clearFieldErrors(form);
    formStatus.textContent = '';
    const product = readProduct();
    if (!product.id) {
      showFieldErrors(form, [{field: 'id', message: 'an id is needed: lowercase letters, digits and -, such as my-gel'}]);
      byId('p-id').focus();
      return;
    }
    const message = byId('p-message').value.trim();
    const fault = changeMessageFault(message);
    if (fault) {
      showFieldErrors(form, [{field: 'message', message: fault}]);
      formStatus.textContent = 'Nothing was saved: say what changed, and why.';
      byId('p-message').focus();
      return;
    }
    const catalog = select.value;
    const answer = await call('PUT', catalogPath(catalog, `/products/${encodeURIComponent(product.id)}`),
      {body: product, ifMatch: version, message, onBusy: (seconds) => { formStatus.textContent = `The store is busy, retrying in ${seconds} s…`; }});
    if (answer.status === 200) {
      version = answer.body.catalog.version;
      catalogs.changed(catalog, version);
      await list();
      await listDominated();
      await history.refresh();
      await showProduct(product.id, `${editing ? 'Saved' : 'Added'} “${product.name}”: catalog ${catalog} is at version ${version} now.`);
      return;
    }
    if (answer.status === 400) {
      const {unplaced, first} = showFieldErrors(form, answer.body.details);
      formStatus.textContent = unplaced.length ? unplaced.map((detail) => detail.message).join(' ') : 'Nothing was saved: fix the fields marked.';
      first?.focus();
    } else if (answer.status === 409) {
      const current = await get(catalogPath(catalog, '/products'));
      version = current.body?.catalog?.version ?? version;
      formStatus.textContent = `Nothing was saved: catalog ${catalog} changed since you opened it (it is at version ${version} now).`
        + ' Save again to put your edit over the current product, or Cancel.';
    } else {
      formStatus.textContent = `Nothing was saved: ${answer.body?.message ?? `the service answered ${answer.status}`}`;
    }
  }

  function confirmDelete(product) {
    const yes = el('button', {type: 'button', class: 'danger'}, `Delete ${product.id}`);
    const no = el('button', {type: 'button'}, 'Keep it');
    const message = el('p', {class: 'field-error', role: 'alert'});
    const why = el('textarea', {id: 'delete-message', rows: 2, required: true, 'aria-describedby': 'delete-message-error'});
    const whyError = el('p', {class: 'field-error', id: 'delete-message-error', 'data-error-for': 'message'});
    yes.addEventListener('click', async () => {
      const catalog = select.value;
      const fault = changeMessageFault(why.value);
      whyError.textContent = fault ?? '';
      if (fault) {
        why.focus();
        return;
      }
      const answer = await call('DELETE', catalogPath(catalog, `/products/${encodeURIComponent(product.id)}`),
        {ifMatch: version, message: why.value.trim()});
      if (answer.status === 200) {
        version = answer.body.catalog.version;
        catalogs.changed(catalog, version);
        closePanel();
        await list();
        await listDominated();
        await history.refresh();
        status.textContent = `Deleted “${product.name}”: catalog ${catalog} is at version ${version} now.`;
      } else {
        message.textContent = `Not deleted: ${answer.body?.message ?? `the service answered ${answer.status}`}`;
      }
    });
    no.addEventListener('click', () => showProduct(product.id));
    openPanel(el('h3', {}, `Delete ${product.name}?`),
      el('p', {}, `It leaves catalog ${select.value}; plans made from this catalog will no longer use it`
        + ' (its history keeps it: restoring an older version brings it back).'),
      el('div', {class: 'field', 'data-field': 'message'}, el('label', {for: 'delete-message'}, 'What changed, and why?'), why, whyError),
      message, el('p', {class: 'actions'}, yes, no));
    no.focus();
  }

  // ---- a new catalog ----------------------------------------------------------------------------------

  newCatalog.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearFieldErrors(newCatalog);
    const statusLine = byId('new-catalog-status');
    const name = byId('new-catalog-name').value.trim();
    const from = byId('new-catalog-from').value;
    const body = from ? {name, from} : {name};
    const answer = await call('POST', '/api/v1/catalogs', {body, onBusy: (seconds) => {
      statusLine.textContent = `The store is busy, retrying in ${seconds} s…`;
    }});
    if (answer.status === 201) {
      await catalogs.refresh();
      select.value = name;
      await chooseCatalog();
      const plan = el('button', {type: 'button', class: 'primary', id: 'plan-against'}, `Plan against ${name}`);
      plan.addEventListener('click', () => onPlanAgainst(name));
      replace(statusLine, `Created catalog ${name}${from ? `, a copy of ${from}` : ''} with ${answer.body.catalog.products} products. `, plan);
      return;
    }
    replace(statusLine);
    if (answer.status === 409) {
      showFieldErrors(newCatalog, [{field: 'name', message: answer.body.message}]);
    } else {
      const {unplaced} = showFieldErrors(newCatalog, answer.body?.details ?? []);
      statusLine.textContent = unplaced.map((detail) => detail.message).join(' ') || (answer.status === 400 ? '' : answer.body?.message ?? '');
    }
  });

  /** Shows the change controls to those who may change the catalog shown, and says who may to anyone else. */
  function applyAccess() {
    const catalog = select.value;
    const writable = access.mayWrite(catalog);
    byId('add-product').hidden = !writable;
    newCatalog.hidden = !access.mayCreate();
    const user = access.user();
    let line = '';
    if (!user) line = `Read-only: editors and admins may change catalog ${catalog} once they sign in.`;
    else if (!writable && user.role === 'editor') {
      line = `Read-only for you (${user.name}): you may change only catalog${user.catalogs.length > 1 ? 's' : ''} ${user.catalogs.join(', ')}.`;
    } else if (!writable) line = `Read-only for you (${user.name}, ${user.role}): editors and admins may change catalog ${catalog}.`;
    byId('catalog-access').textContent = line;
    byId('catalog-access').hidden = line === '';
  }

  async function chooseCatalog() {
    closePanel();
    applyAccess();
    await fillTags();
    await list();
    await listDominated();
    await history.refresh();
  }

  const relist = debounce(list, 250);
  q.addEventListener('input', relist);
  kind.addEventListener('change', list);
  tag.addEventListener('change', list);
  select.addEventListener('change', chooseCatalog);
  byId('add-product').addEventListener('click', () => editProduct(null));

  return {
    /** Fills the view; `catalog` is the one to show first. */
    async open(catalog) {
      fillCatalogSelects();
      if (catalog && catalogs.list().some((each) => each.name === catalog) && !select.dataset.chosen) select.value = catalog;
      select.dataset.chosen = 'yes';
      await chooseCatalog();
    },
    catalogsChanged: fillCatalogSelects,
    /** Someone signed in or out: the controls follow, and an open product is shown again as they may see it. */
    accessChanged() {
      applyAccess();
      history.accessChanged();
      const open = panel.querySelector('.id')?.textContent;
      if (!panel.hidden && open && !byId('product-form')) showProduct(open);
      else if (!panel.hidden && !access.mayWrite(select.value)) closePanel();
    },
  };
}
