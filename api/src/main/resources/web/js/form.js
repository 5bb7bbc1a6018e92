// The plan form as a plan request, and the plan request as the page's address: every field of the form is
// in the query string, so a link reproduces the form, and with it the plan.
import {byId} from './dom.js';
import {quantity} from './nutrients.js';
import {fillTargets, readTargets} from './targets.js';
import {WORKOUT_FIELDS, fillWorkout, readWorkout, useWorkout, usesWorkout} from './workout.js';

const LIMITS = ['maxServingsPerProduct', 'maxProducts', 'maxServings'];
const OPTIONS = ['phase', 'objective', 'solver', 'timeLimitMs', 'alternatives', 'unknownUnderMax'];
const NUMBERS = new Set(['timeLimitMs', 'alternatives', ...LIMITS]);
const LISTS = ['include.products', 'include.tags', 'include.kinds', 'exclude.products', 'exclude.tags', 'exclude.kinds', 'require'];
// The phase's default is the service's: during for a workout, any otherwise. Sent only when chosen.
const DEFAULTS = {phase: '', objective: 'servings', solver: 'auto', timeLimitMs: '2000', alternatives: '2', unknownUnderMax: 'exclude'};

/** The concentration limit as typed: a plain number is read in g/L; anything else as typed, for the service to judge. */
const perLitre = (text) => {
  const value = quantity(text);
  return typeof value === 'number' ? `${value} g/L` : value;
};

/** A count as typed: a number when it is one, else the text, for the service to reject with its reason. */
const count = (text) => {
  const value = quantity(text);
  return value === '' ? undefined : value;
};

/** The plan request the form describes. */
export function readForm(pickers) {
  const goal = usesWorkout() ? {workout: readWorkout()} : {targets: readTargets()};
  const request = {...goal, catalog: byId('catalog').value || 'default', ...pickers.read()};
  const limits = {};
  for (const name of LIMITS) {
    const value = count(byId(name).value);
    if (value !== undefined) limits[name] = value;
  }
  if (Object.keys(limits).length > 0) request.limits = limits;
  for (const name of OPTIONS) {
    const value = NUMBERS.has(name) ? count(byId(name).value) : byId(name).value;
    if (value !== undefined && value !== '') request[name] = value;
  }
  const concentration = perLitre(byId('concentrationMax').value);
  if (concentration !== '') request.concentration = {max: concentration};
  if (byId('schedule-on').checked) {
    if (!request.workout) request.durationMin = count(byId('durationMin').value); // a workout has its own
    request.schedule = {intervalMin: count(byId('intervalMin').value)};
  }
  return request;
}

/** Shows a plan request (a preset's, or a link's); what it leaves out gets the form's defaults. */
export function fillForm(request, pickers) {
  fillTargets(request.targets);
  fillWorkout(request.workout);
  useWorkout(request.workout != null);
  setSelect(byId('catalog'), request.catalog ?? 'default');
  pickers.fill(request);
  for (const name of LIMITS) byId(name).value = request.limits?.[name] ?? '';
  for (const name of OPTIONS) {
    const value = request[name] ?? DEFAULTS[name];
    if (byId(name).tagName === 'SELECT') setSelect(byId(name), value);
    else byId(name).value = value;
  }
  byId('concentrationMax').value = request.concentration?.max ?? '';
  byId('schedule-on').checked = request.schedule != null;
  byId('durationMin').value = request.durationMin ?? 180;
  setSelect(byId('intervalMin'), request.schedule?.intervalMin ?? 15);
}

/** Selects a value, adding it as an option when the list lacks it (a link naming a catalog not loaded yet). */
function setSelect(select, value) {
  if (![...select.options].some((option) => option.value === String(value))) {
    select.append(new Option(String(value), String(value)));
  }
  select.value = String(value);
}

/**
 * The query string of a request: sodium.min=500 mg, exclude.tags=caffeine (repeated), include.kinds=gel (repeated),
 * phase=after, concentration=80 g/L, objective=servings, ...
 * plus the preset it started from and the catalog version the plan was made with, written as the planner takes it:
 * catalog=default@12 (the "@" left readable), so that the link plans on that version.
 */
export function toQuery(request, {preset, version} = {}) {
  const params = new URLSearchParams();
  if (preset) params.set('preset', preset);
  for (const [nutrient, target] of Object.entries(request.targets ?? {})) {
    for (const bound of ['min', 'max']) {
      if (target[bound] != null) params.set(`${nutrient}.${bound}`, String(target[bound]));
    }
  }
  for (const field of WORKOUT_FIELDS) {
    if (request.workout?.[field] != null) params.set(`workout.${field}`, String(request.workout[field]));
  }
  params.set('catalog', version != null ? `${request.catalog ?? 'default'}@${version}` : request.catalog ?? 'default');
  for (const list of LISTS) {
    const [group, kind] = list.split('.');
    const values = kind ? request[group]?.[kind] : request[group];
    (values ?? []).forEach((value) => params.append(list, value));
  }
  for (const name of LIMITS) {
    if (request.limits?.[name] != null) params.set(name, String(request.limits[name]));
  }
  for (const name of OPTIONS) {
    if (request[name] != null) params.set(name, String(request[name]));
  }
  // Not "concentration.max": a name.max parameter is a target's.
  if (request.concentration?.max != null) params.set('concentration', String(request.concentration.max));
  if (request.schedule) {
    if (request.durationMin != null) params.set('durationMin', String(request.durationMin));
    params.set('intervalMin', String(request.schedule.intervalMin ?? 15));
  }
  return params.toString().replace(/(^|&)catalog=([^&]*)%40/, '$1catalog=$2@');
}

/**
 * The request, preset and version of a query string (catalog=default@12, or a tag: default@race-2026; an older link's
 * version=12 means the same); null when it holds no target nor workout (no form to restore).
 */
export function fromQuery(search) {
  const params = new URLSearchParams(search);
  const request = {targets: {}};
  for (const [key, value] of params) {
    const match = /^([a-z]+)\.(min|max)$/.exec(key);
    if (match) (request.targets[match[1]] ??= {})[match[2]] = quantity(value);
  }
  const workout = Object.fromEntries(WORKOUT_FIELDS.filter((field) => params.has(`workout.${field}`))
    .map((field) => [field, params.get(`workout.${field}`)]));
  if (Object.keys(workout).length > 0) {
    request.workout = workout;
    delete request.targets;
  } else if (Object.keys(request.targets).length === 0) {
    return null;
  }
  const [catalog, pinned] = (params.get('catalog') ?? 'default').split('@', 2);
  request.catalog = catalog || 'default';
  for (const list of LISTS) {
    const values = params.getAll(list);
    if (values.length === 0) continue;
    const [group, kind] = list.split('.');
    if (kind) (request[group] ??= {})[kind] = values;
    else request[group] = values;
  }
  for (const name of LIMITS) {
    if (params.has(name)) (request.limits ??= {})[name] = quantity(params.get(name));
  }
  for (const name of OPTIONS) {
    if (params.has(name)) request[name] = NUMBERS.has(name) ? quantity(params.get(name)) : params.get(name);
  }
  if (params.has('concentration')) request.concentration = {max: params.get('concentration')};
  if (params.has('intervalMin')) {
    if (params.has('durationMin')) request.durationMin = quantity(params.get('durationMin'));
    request.schedule = {intervalMin: quantity(params.get('intervalMin') ?? '15')};
  }
  const written = pinned ?? params.get('version');
  const version = written == null || written === '' ? null : /^\d+$/.test(written) ? Number(written) : written;
  return {request, preset: params.get('preset'), version};
}
