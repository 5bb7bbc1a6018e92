// A plan response for people: the status in words, the solve time, each plan (the best, then the alternatives,
// one under the other) as a table of items with what each contributes per targeted nutrient and the totals, its
// carbohydrate per litre against the limit, the warnings in the cells they concern, and a chart per targeted nutrient.
import {amount, el, fmt, replace} from './dom.js';
import {amountText, canonical} from './nutrients.js';
import {bandFigure, destroyCharts, drawCharts} from './charts.js';
import {leftOutSummary} from './left-out.js';

const plural = (count, word) => `${fmt(count)} ${word}${count === 1 ? '' : 's'}`;

function objectiveText(kind, value) {
  if (value == null) return 'no value';
  switch (kind) {
    case 'servings': return plural(value, 'serving');
    case 'products': return plural(value, 'distinct product');
    case 'mass': return `${fmt(value)} g to carry`;
    case 'cost': return `a cost of ${fmt(value)}`;
    default: return `${kind} ${fmt(value)}`;
  }
}

/** The status in words: {tone, head, text}. */
export function statusWords({status, objective}) {
  const value = objectiveText(objective?.kind, objective?.value);
  switch (status) {
    case 'OPTIMAL':
      return {tone: 'ok', head: 'Proven optimal', text: `${value}; no plan can do with less.`};
    case 'FEASIBLE':
      return {tone: 'notice', head: 'Best found within the time limit',
        text: `${value}; ${objective?.bound != null ? `no plan can do with less than ${objectiveText(objective.kind, objective.bound)} (a proven bound)`
          : 'no bound on what is possible was proven'}. More time may find a better plan.`};
    case 'UNKNOWN':
      return {tone: 'warn', head: 'No plan found in time',
        text: 'The time ran out before any plan was found. That does not mean none exists: allow more time and plan again.'};
    default:
      return {tone: 'warn', head: status, text: ''};
  }
}

/**
 * A warning that names a product and a nutrient ({product, nutrient, message}: the value is not known for that
 * product) belongs in that item's cell; the rest, as their messages, to the plan.
 */
export function sortWarnings(warnings = []) {
  const cells = new Map();
  const general = [];
  for (const warning of warnings) {
    if (warning.product && warning.nutrient) cells.set(`${warning.product}|${warning.nutrient}`, warning.message);
    else general.push(warning.message);
  }
  return {cells, general};
}

/**
 * Each item with its product's facts and what it adds per targeted nutrient:
 * {product, name, servings, serving, preparation, amounts: {nutrient: number | null (not known) | undefined (product not loaded)}}.
 * Fluid includes the water the servings are mixed into (the response's item.water), as the totals do.
 */
export function itemRows(plan, products) {
  const nutrients = Object.keys(plan.totals ?? {});
  return (plan.items ?? []).map((item) => {
    const product = products.get(item.product);
    const amounts = {};
    for (const nutrient of nutrients) {
      if (!product) amounts[nutrient] = undefined;
      else if (product.nutrients?.[nutrient] === null) amounts[nutrient] = null;
      else amounts[nutrient] = (canonical(product.nutrients?.[nutrient]) ?? 0) * item.servings;
      if (nutrient === 'fluid' && amounts[nutrient] != null) amounts[nutrient] += canonical(item.water) ?? 0;
    }
    return {product: item.product, name: item.name, servings: item.servings, serving: amountText(product?.serving) ?? null,
      preparation: item.preparation ?? null, amounts};
  });
}

function rangeText(total) {
  const min = canonical(total.min) > 0 ? fmt(canonical(total.min)) : null;
  const max = total.max != null ? fmt(canonical(total.max)) : null;
  if (min && max) return `${min}–${max}`;
  if (max) return `≤ ${max}`;
  return `≥ ${min ?? 0}`;
}

function itemsTable(title, plan, products, cellWarnings) {
  const nutrients = Object.keys(plan.totals ?? {});
  const rows = itemRows(plan, products);
  const servings = rows.reduce((sum, row) => sum + row.servings, 0);
  const cell = (row, nutrient) => {
    const value = row.amounts[nutrient];
    const warning = cellWarnings.get(`${row.product}|${nutrient}`);
    if (value === null || warning) {
      return el('td', {class: 'num warn', title: warning ?? 'not known for this product; counted as 0'},
        el('span', {'aria-hidden': 'true'}, '⚠ '), 'not known',
        el('span', {class: 'visually-hidden'}, `: ${warning ?? 'counted as 0'}`));
    }
    return el('td', {class: 'num'}, value === undefined ? '—' : fmt(value));
  };
  return el('div', {class: 'table-wrap', tabindex: 0, role: 'region', 'aria-label': `${title}: items`},
    el('table', {class: 'items'},
      el('caption', {class: 'visually-hidden'}, `${title}: items, what each adds, and the totals`),
      el('thead', {}, el('tr', {},
        el('th', {scope: 'col'}, 'Product'), el('th', {scope: 'col', class: 'num'}, 'Servings'),
        el('th', {scope: 'col', class: 'num'}, 'Serving'),
        nutrients.map((nutrient) => el('th', {scope: 'col', class: 'num'}, nutrient, el('br'),
          el('span', {class: 'unit'}, plan.totals[nutrient].unit))))),
      el('tbody', {}, rows.map((row) => el('tr', {'data-product': row.product},
        el('th', {scope: 'row'}, row.name, el('br'), el('span', {class: 'id'}, row.product),
          row.preparation ? [el('br'), el('span', {class: 'preparation'}, row.preparation)] : null),
        el('td', {class: 'num servings'}, fmt(row.servings)),
        el('td', {class: 'num'}, row.serving ?? '—'),
        nutrients.map((nutrient) => cell(row, nutrient))))),
      el('tfoot', {},
        el('tr', {class: 'totals'}, el('th', {scope: 'row'}, 'Total'), el('td', {class: 'num'}, fmt(servings)), el('td'),
          nutrients.map((nutrient) => totalCell(nutrient, plan.totals[nutrient]))),
        el('tr', {class: 'range'}, el('th', {scope: 'row'}, 'Target'), el('td'), el('td'),
          nutrients.map((nutrient) => el('td', {class: 'num'}, rangeText(plan.totals[nutrient])))))));
}

/** A total; one that a product's unknown value entered is a lower bound, shown as "≥". */
function totalCell(nutrient, total) {
  if (!total.lowerBound) return el('td', {class: 'num', 'data-nutrient': nutrient}, fmt(total.amount));
  return el('td', {class: 'num warn', 'data-nutrient': nutrient, 'data-lower-bound': 'true',
    title: 'a product used does not state this nutrient: the total is at least this'}, `≥ ${fmt(total.amount)}`);
}

/** What the unknown-value policy did: maximums the plan is not proven to meet, and a line on what was left out. */
function unknownValuesNotes(response, phase) {
  const notes = [];
  if ((response.unproven ?? []).length > 0) {
    notes.push(el('p', {class: 'status status-warn', id: 'unproven'}, el('strong', {}, 'Not proven under the max'),
      ` for ${response.unproven.join(', ')}: a product used does not state it, so the total is only a lower bound.`));
  }
  notes.push(leftOutSummary(response.leftOut, phase));
  return notes;
}

/**
 * The plan's carbohydrate per litre of its fluid against the limit: "74 g/L (limit 80 g/L)", in the warning style
 * above the limit. Null when the answer does not say.
 */
export function concentrationLine(concentration, key) {
  if (!concentration) return null;
  const {amount: value, unit, max} = concentration;
  const over = value != null && max != null && value > max.amount;
  return el('p', {class: `concentration${over ? ' over' : ''}`, 'data-concentration': key ?? null,
    'data-over': over ? 'true' : null},
  'Carbohydrate per litre of fluid: ', el('strong', {}, value == null ? 'no fluid' : amount(value, unit)),
  max == null ? ' (no limit)' : ` (limit ${amount(max.amount, max.unit)})`,
  over ? el('span', {class: 'over-note'}, ' ⚠ above the limit') : null);
}

function planCard(key, title, plan, context) {
  const {products, cellWarnings, before} = context;
  const figures = Object.entries(plan.totals ?? {}).map(([nutrient, total]) =>
    bandFigure(nutrient, total, before?.totals?.[nutrient]?.amount ?? null));
  return el('article', {class: 'plan-card', 'data-plan': key, 'aria-labelledby': `plan-${key}-title`},
    el('h3', {id: `plan-${key}-title`}, title),
    el('p', {class: 'objective'}, objectiveText(plan.objective?.kind, plan.objective?.value)),
    itemsTable(title, plan, products, cellWarnings),
    concentrationLine(plan.concentration, key),
    el('div', {class: 'charts', role: 'group', 'aria-label': `${title}: totals against targets`}, figures));
}

/**
 * Shows a 200 plan response.
 *
 * @param view {outcome, plans, previous, previousPlan}: the elements to fill
 * @param result {response, products (Map id → product), previous ({response} of the plan before, or null), phase (the
 *               plan's phase, for what was left out)}
 * @param actions {downloadJson(), downloadCsv(), moreTime()}
 */
export function showPlan(view, {response, products, previous, phase}, actions) {
  const words = statusWords(response);
  const {cells, general} = sortWarnings(response.warnings);
  const catalog = response.catalog ?? {};
  replace(view.outcome,
    el('p', {class: `status status-${words.tone}`, id: 'status', 'data-status': response.status},
      el('strong', {}, words.head), ' — ', words.text),
    el('p', {class: 'meta'}, `Solved in ${fmt(response.timeMs)} ms by ${response.solver}, from catalog ${catalog.name}`
      + (catalog.version != null ? ` (version ${catalog.version})` : '') + '.'),
    general.length > 0 ? el('ul', {class: 'warnings', 'aria-label': 'Warnings'}, general.map((text) => el('li', {}, '⚠ ', text))) : null,
    unknownValuesNotes(response, phase),
    response.status === 'UNKNOWN' && response.concentration?.amount != null ? concentrationLine(response.concentration, 'unknown') : null,
    response.status === 'UNKNOWN' ? actionButton('Allow four times the time and plan again', actions.moreTime) : null,
    response.status !== 'UNKNOWN' ? el('p', {class: 'downloads'},
      actionButton('Download JSON', actions.downloadJson, 'download-json'),
      actionButton('Download CSV', actions.downloadCsv, 'download-csv')) : null);

  destroyCharts(view.plans);
  const beforePlan = previous?.response ?? null;
  const context = {products, cellWarnings: cells, before: beforePlan};
  const cards = [];
  if (response.status !== 'UNKNOWN') {
    cards.push(planCard('best', 'Best plan', response, context));
    (response.alternatives ?? []).forEach((alternative, index) =>
      cards.push(planCard(`alt-${index + 1}`, `Alternative ${index + 1}`, alternative, {...context, before: null})));
  }
  replace(view.plans, cards);
  view.plans.classList.toggle('many', cards.length > 1);
  drawCharts(view.plans);
  showPrevious(view, previous, products);
}

/** The last plan found, for comparison: after a new plan, and after an answer that is no plan (422, 400). */
export function showPrevious(view, previous, products) {
  view.previous.hidden = !previous;
  if (!previous) return replace(view.previousPlan);
  const {response} = previous;
  replace(view.previousPlan,
    el('p', {class: 'objective'}, objectiveText(response.objective?.kind, response.objective?.value),
      ` (${statusWords(response).head.toLowerCase()})`),
    itemsTable('Before your last change', response, products, sortWarnings(response.warnings).cells));
}

/** Clears the plans (for an answer that is no plan), keeping the last one as "before". */
export function clearPlans(view) {
  destroyCharts(view.plans);
  replace(view.plans);
}

function actionButton(label, onClick, id) {
  const button = el('button', {type: 'button', id}, label);
  button.addEventListener('click', onClick);
  return button;
}
