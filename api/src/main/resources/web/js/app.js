// The page's wiring: the plan form and its address, planning (at once on submit, debounced while things change),
// what the service answers shown in the right places, and the catalog view.
import {call, catalogPath, get} from './api.js';
import {createCatalogView} from './catalog-view.js';
import {byId, debounce, el, replace} from './dom.js';
import {downloadCsv, downloadJson} from './downloads.js';
import {showInfeasible} from './explain.js';
import {clearFieldErrors, clearNotes, showFieldErrors} from './fields.js';
import {fillForm, fromQuery, readForm, toQuery} from './form.js';
import {showLeftOut} from './left-out.js';
import {createSession} from './session.js';
import {buildPickers} from './pickers.js';
import {clearPlans, showPlan, showPrevious} from './plan-view.js';
import {hideSchedule, showSchedule} from './schedule-view.js';
import {buildTargets, fillTargets, setBound} from './targets.js';
import {deriveTargets, showNeeds, useWorkout, usesWorkout} from './workout.js';

const REPLAN_DELAY_MS = 600;
const form = byId('plan-form');
const view = {outcome: byId('outcome'), plans: byId('plans'), previous: byId('previous'), previousPlan: byId('previous-plan'),
  leftOut: byId('left-out')};

// ---- catalogs: the list, and each one's products (cached by version) -------------------------------------

const catalogs = {
  all: [],
  cache: new Map(),
  list() {
    return this.all;
  },
  async refresh() {
    const answer = await get('/api/v1/catalogs');
    if (answer.status !== 200) throw new Error(answer.body?.message ?? `the catalogs answered ${answer.status}`);
    this.all = answer.body.catalogs;
    fillPlanCatalogs();
    catalogView?.catalogsChanged();
  },
  /**
   * {version, products, byId} of a catalog, fetched when the cached copy is not the version wanted; an older version
   * (a plan pinned to it) is read as of that version and kept beside the current one.
   */
  async products(name, wantedVersion) {
    const latest = this.all.find((catalog) => catalog.name === name)?.version;
    const old = wantedVersion != null && wantedVersion !== latest;
    const key = old ? `${name}@${wantedVersion}` : name;
    const cached = this.cache.get(key);
    if (cached && (old || cached.version === latest)) return cached;
    const answer = await get(catalogPath(name, old ? `/products?version=${encodeURIComponent(wantedVersion)}` : '/products'));
    if (answer.status !== 200) return {version: null, products: [], byId: new Map()};
    const entry = {version: answer.body.catalog.version, products: answer.body.products,
      byId: new Map(answer.body.products.map((product) => [product.id, product]))};
    this.cache.set(key, entry);
    return entry;
  },
  /** A change made on this page: the catalog is at `version` now; a plan made from it is made again. */
  changed(name, version) {
    const catalog = this.all.find((each) => each.name === name);
    if (catalog) catalog.version = version;
    this.cache.delete(name);
    if (name === byId('catalog').value) {
      useCatalog(name).then(() => {
        if (state.planned && byId('auto-replan').checked) plan();
      });
    }
  },
};

/** The plan form's catalog, as the pickers see it. */
const planCatalog = {
  entry: {version: null, products: [], byId: new Map()},
  name: () => byId('catalog').value,
  productName(id) {
    return this.entry.byId.get(id)?.name ?? null;
  },
  /** The product an id, a name, or a text found in exactly one product names. */
  findProduct(text) {
    const typed = text.trim().toLowerCase();
    const products = this.entry.products;
    const exact = this.entry.byId.get(typed) ?? products.find((product) => product.name.toLowerCase() === typed);
    if (exact) return exact;
    const matches = products.filter((product) => [product.id, product.name, product.brand ?? '']
      .some((value) => value.toLowerCase().includes(typed)));
    return matches.length === 1 ? matches[0] : null;
  },
};

function fillPlanCatalogs() {
  const select = byId('catalog');
  const chosen = select.value || 'default';
  replace(select, catalogs.list().map((catalog) => new Option(catalog.name, catalog.name)));
  if (!catalogs.list().some((catalog) => catalog.name === chosen)) select.append(new Option(chosen, chosen));
  select.value = chosen;
}

/** Loads the plan form's catalog: the suggestions of the pickers, and the version a link records. */
async function useCatalog(name) {
  planCatalog.entry = await catalogs.products(name);
  state.version = planCatalog.entry.version;
  replace(byId('product-options'), planCatalog.entry.products.map((product) =>
    el('option', {value: product.id}, product.brand ? `${product.name} (${product.brand})` : product.name)));
  const tags = [...new Set(planCatalog.entry.products.flatMap((product) => product.tags ?? []))].sort();
  replace(byId('tag-options'), tags.map((tag) => el('option', {value: tag})));
  const catalog = catalogs.list().find((each) => each.name === name);
  byId('catalog-info').textContent = catalog ? `${catalog.products} products, version ${catalog.version}` : '';
  pickers.rerender();
}

// ---- the form and its address -------------------------------------------------------------------------

const state = {
  preset: null, // the preset the form started from, for its description
  version: null, // the catalog version the link records: the last plan's, else the catalog's as loaded
  pin: null, // the catalog version (or tag) plans are made on, from a link; null: the current version
  planned: false, // a plan was asked for: from then on, changes re-plan
  last: null, // the last plan found {response, key (its request)}
  before: null, // the plan shown as "before": the last one found for another request
  inflight: null, // the AbortController of the plan request under way
  presets: [],
  answers: 0, // plan answers shown so far
  needs: null, // what the workout of the last answer needs, when it was planned from one
};

/** True when the form asks for something: a target, or a workout to derive them from. */
function hasGoal(request) {
  return request.workout ? Object.keys(request.workout).length > 0 : Object.keys(request.targets).length > 0;
}

function syncAddress() {
  const query = toQuery(readForm(pickers), {preset: state.preset, version: state.pin ?? state.version});
  history.replaceState(null, '', `?${query}${location.hash}`);
  byId('share-link').value = location.href;
}

const replanSoon = debounce(() => plan(), REPLAN_DELAY_MS);

function formChanged() {
  syncAddress();
  if (byId('auto-replan').checked && hasGoal(readForm(pickers))) replanSoon();
}

// ---- planning ------------------------------------------------------------------------------------------

function showProgress(request) {
  const seconds = Number(request.timeLimitMs) > 0 ? Number(request.timeLimitMs) / 1000 : 2;
  byId('progress-text').textContent = `Solving… (time limit ${seconds} s)`;
  byId('progress').hidden = false;
  byId('result').setAttribute('aria-busy', 'true');
  view.plans.classList.add('stale');
}

function hideProgress() {
  byId('progress').hidden = true;
  byId('busy').hidden = true;
  byId('result').removeAttribute('aria-busy');
  view.plans.classList.remove('stale');
}

function showBusy(seconds, attempt) {
  const busy = byId('busy');
  busy.hidden = false;
  busy.textContent = `The service is busy, retrying in ${seconds} s${attempt > 1 ? ` (attempt ${attempt})` : ''}…`;
}

/** Plans the form as it is now; a plan still under way is dropped. */
async function plan({focusErrors = false} = {}) {
  replanSoon.cancel();
  const request = readForm(pickers);
  state.planned = true;
  syncAddress();
  state.inflight?.abort();
  const controller = new AbortController();
  state.inflight = controller;
  showProgress(request);
  let answer;
  try {
    const body = state.pin == null ? request : {...request, catalog: `${request.catalog}@${state.pin}`};
    answer = await call('POST', '/api/v1/plans', {body, signal: controller.signal, onBusy: showBusy});
  } catch (error) {
    if (controller.signal.aborted) return;
    hideProgress();
    replace(view.outcome, el('p', {class: 'status status-bad'}, `Could not reach the service: ${error.message}. Try again.`));
    return;
  }
  if (state.inflight !== controller) return;
  state.inflight = null;
  hideProgress();
  clearFieldErrors(form);
  clearNotes(form);
  byId('form-errors').textContent = '';
  await showAnswer(answer, request, focusErrors);
  document.body.dataset.answers = String(++state.answers); // tests wait on this count
}

/** The phase a request is planned for, as the service applies it (API.md, phase): during from a workout, else any. */
const phaseOf = (request) => request.phase ?? (request.workout ? 'during' : 'any');

async function showAnswer(answer, request, focusErrors) {
  const products = await productsOf(answer.body?.catalog ?? {name: request.catalog});
  state.needs = answer.body?.needs ?? null;
  if (state.needs) showNeeds(state.needs);
  const leftOut = answer.status === 200 || answer.status === 422 ? answer.body?.leftOut : [];
  showLeftOut(view.leftOut, leftOut ?? [], {phase: phaseOf(request), fromWorkout: request.workout != null}, bringBack);
  if (answer.status === 200) {
    // The plan before the last change (of the form or of the catalog): asking again for the same plan keeps
    // the one before that.
    const key = `${JSON.stringify(request)} @${answer.body.catalog?.version}`;
    showPlannedOn(answer.body.catalog);
    if (state.last && state.last.key !== key) state.before = state.last;
    showPlan(view, {response: answer.body, products, previous: state.before, phase: phaseOf(request)}, {
      downloadJson: () => downloadJson(answer.body),
      downloadCsv: () => downloadCsv(answer.body, products),
      moreTime: () => {
        byId('timeLimitMs').value = String(Math.min(30000, (Number(request.timeLimitMs) || 2000) * 4));
        plan();
      },
    });
    showSchedule(byId('timeline'), answer.body, new Map((answer.body.items ?? []).map((item) => [item.product, item.name])));
    if (answer.body.status !== 'UNKNOWN') state.last = {response: answer.body, key};
    if (answer.body.catalog?.name === request.catalog) state.version = answer.body.catalog.version;
    syncAddress();
    return;
  }
  clearPlans(view);
  hideSchedule(byId('timeline'));
  byId('planned-on').hidden = true;
  showPrevious(view, state.last, products); // no plan now: the last one found is the one to compare with
  if (answer.status === 422 && answer.body?.error === 'unschedulable') {
    replace(view.outcome, el('p', {class: 'status status-bad', id: 'status', 'data-status': 'UNSCHEDULABLE'},
      el('strong', {}, 'No schedule keeps within the hourly limits'), ' — ', answer.body.message),
    el('ul', {class: 'warnings', id: 'unschedulable'}, (answer.body.details ?? []).map((detail) => el('li', {}, detail.message))));
    return;
  }
  if (answer.status === 422) {
    showInfeasible(view.outcome, form, answer.body, relax);
    return;
  }
  if ((answer.body?.details ?? []).some((detail) => detail.field?.startsWith('workout'))) byId('workout-panel').open = true;
  const {unplaced, first} = answer.status === 400 || answer.status === 404
    ? showFieldErrors(form, answer.body.details) : {unplaced: answer.body?.details ?? [], first: null};
  replace(view.outcome, el('p', {class: 'status status-bad', id: 'status', 'data-status': `HTTP ${answer.status}`},
    el('strong', {}, answer.status === 400 ? 'Fix the fields marked' : 'No plan'), ' — ', answer.body?.message ?? `the service answered ${answer.status}`));
  byId('form-errors').textContent = unplaced.map((detail) => (detail.field ? `${detail.field}: ${detail.message}` : detail.message)).join(' ');
  if (focusErrors) first?.focus();
}

/** "Planned on default v12" near the plan; pinned to an older version, with a way back to the current one. */
function showPlannedOn(catalog) {
  const line = byId('planned-on');
  if (!catalog?.name || catalog.name === 'inline') {
    line.hidden = true;
    return;
  }
  const latest = catalogs.list().find((each) => each.name === catalog.name)?.version;
  const behind = latest != null && catalog.version !== latest;
  const current = behind ? el('button', {type: 'button', class: 'link', id: 'plan-current'}, 'plan on the current version') : null;
  current?.addEventListener('click', () => {
    state.pin = null;
    byId('link-notice').hidden = true;
    plan();
  });
  replace(line, `Planned on ${catalog.name} v${catalog.version}`,
    behind ? [` (it is at v${latest} now: `, current, ')'] : '', '.');
  line.dataset.catalog = `${catalog.name}@${catalog.version}`;
  line.hidden = false;
}

/** The products of the catalog version a plan was made from, to show what each item adds. */
async function productsOf(catalog) {
  if (!catalog.name || catalog.name === 'inline') return new Map();
  return (await catalogs.products(catalog.name, catalog.version ?? undefined)).byId;
}

/**
 * Applies a relaxation of a 422 and plans again. The member carries it as data: "to" the field's new value (a
 * bound {amount, unit}, a limit, or the emptied include lists), or "remove" the entry an exclude or require list
 * lets go of.
 */
function relax(member) {
  const {field, to, remove} = member;
  if (field.startsWith('targets.') && usesWorkout() && state.needs) {
    // A relaxed target is no longer the workout's: plan from its targets, typed, with this one relaxed.
    fillTargets(state.needs.targets);
    useWorkout(false);
  }
  if (field.startsWith('targets.')) {
    setBound(field, `${to.amount} ${to.unit}`);
  } else if (field.startsWith('limits.')) {
    byId(field.slice('limits.'.length)).value = String(to);
  } else if (field === 'include') {
    for (const list of ['products', 'tags', 'kinds']) pickers.get(`include.${list}`).set(to[list]);
  } else {
    const picker = pickers.get(field);
    picker.set(picker.values.filter((value) => value !== remove));
  }
  plan();
}

/**
 * Brings back a product the answer left out: its bringBack {field, to} is a field of the form ("unknownUnderMax" to
 * "allow", "phase" to one the product is meant for) set to a new value, or {field, add} an entry to add to a list
 * ("require", for a workout's plan); then plans again.
 */
function bringBack({field, to, add}) {
  if (add !== undefined) {
    const picker = pickers.get(field);
    if (!picker) return;
    picker.set([...picker.values.filter((value) => value !== add), add]);
  } else {
    const select = byId(field);
    if (!select) return;
    select.value = to;
  }
  plan();
}

// ---- presets and links ----------------------------------------------------------------------------------

async function loadPresets() {
  const answer = await get('/api/v1/presets');
  state.presets = answer.status === 200 ? answer.body.presets : [];
  byId('preset').append(...state.presets.map((preset) => new Option(preset.name, preset.name)));
}

function describePreset() {
  const preset = state.presets.find((each) => each.name === state.preset);
  byId('preset').value = preset ? preset.name : '';
  byId('preset-description').textContent = preset?.description ?? '';
}

async function choosePreset() {
  const preset = state.presets.find((each) => each.name === byId('preset').value);
  state.preset = preset?.name ?? null;
  describePreset();
  if (!preset) return;
  clearFieldErrors(form);
  clearNotes(form);
  fillForm(preset.request, pickers);
  state.pin = null;
  await useCatalog(byId('catalog').value);
  syncAddress();
  if (byId('auto-replan').checked) plan();
}

/** A link plans on the catalog version its plan was made with; say so when the catalog has moved on since. */
function checkLinkVersion(link) {
  const notice = byId('link-notice');
  const catalog = catalogs.list().find((each) => each.name === link.request.catalog);
  if (!catalog) {
    notice.textContent = `This link plans from catalog “${link.request.catalog}”, which does not exist here.`;
  } else if (link.version != null && catalog.version !== link.version) {
    notice.textContent = `This link plans on catalog “${catalog.name}” as it was at version ${link.version}; it is at version `
      + `${catalog.version} now, and a plan on it may differ from the one shared.`;
  } else {
    return;
  }
  notice.hidden = false;
}

// ---- views ----------------------------------------------------------------------------------------------

let catalogView = null;

function showView() {
  const catalog = location.hash === '#catalog';
  byId('plan-view').hidden = catalog;
  byId('catalog-view').hidden = !catalog;
  byId('nav-plan').toggleAttribute('aria-current', !catalog);
  byId('nav-catalog').toggleAttribute('aria-current', catalog);
  if (catalog) byId('nav-catalog').setAttribute('aria-current', 'page');
  else byId('nav-plan').setAttribute('aria-current', 'page');
  if (catalog) catalogView.open(byId('catalog').value);
}

async function planAgainst(name) {
  const select = byId('catalog');
  if (![...select.options].some((option) => option.value === name)) select.append(new Option(name, name));
  select.value = name;
  state.pin = null;
  await useCatalog(name);
  location.hash = '#plan';
  syncAddress();
  if (hasGoal(readForm(pickers))) plan();
}

// ---- start ----------------------------------------------------------------------------------------------

buildTargets(byId('targets'));
const pickers = buildPickers(byId('pickers'), planCatalog, formChanged);
const session = createSession(() => catalogView?.accessChanged());
catalogView = createCatalogView(catalogs, planAgainst, session);

form.addEventListener('submit', (event) => {
  event.preventDefault();
  plan({focusErrors: true});
});
form.addEventListener('input', (event) => {
  if (event.target.closest('.picker') || event.target.id === 'share-link') return; // a search box, not the request
  formChanged();
});
form.addEventListener('change', async (event) => {
  if (event.target.id === 'catalog') {
    state.pin = null;
    await useCatalog(event.target.value);
    formChanged();
  } else if (event.target.tagName === 'SELECT' && event.target.id !== 'preset') {
    formChanged();
  }
});
byId('preset').addEventListener('change', choosePreset);
byId('workout-derive').addEventListener('click', () => deriveTargets());
byId('workout-plan').addEventListener('click', () => {
  useWorkout(true);
  plan({focusErrors: true});
});
byId('workout-use').addEventListener('change', (event) => useWorkout(event.target.checked));
byId('copy-link').addEventListener('click', async () => {
  byId('share-link').select();
  try {
    await navigator.clipboard.writeText(byId('share-link').value);
    byId('copy-link').textContent = 'Copied';
  } catch {
    byId('copy-link').textContent = 'Selected: copy it';
  }
  setTimeout(() => { byId('copy-link').textContent = 'Copy'; }, 2000);
});
window.addEventListener('hashchange', () => {
  if (location.hash.startsWith('#setup=')) session.offerSetup();
  else showView();
});

try {
  await Promise.all([session.refresh(), catalogs.refresh(), loadPresets()]);
} catch (error) {
  const banner = byId('load-error');
  banner.textContent = `The service could not be reached (${error.message}); reload the page to try again.`;
  banner.hidden = false;
}
const link = fromQuery(location.search);
if (link) {
  fillForm(link.request, pickers);
  if (link.request.workout) byId('workout-panel').open = true;
  state.preset = link.preset;
  state.pin = link.version;
  describePreset();
  await useCatalog(byId('catalog').value);
  checkLinkVersion(link);
  plan();
} else {
  await useCatalog(byId('catalog').value || 'default');
  syncAddress();
}
showView();
session.offerSetup();
document.body.dataset.ready = 'true';
