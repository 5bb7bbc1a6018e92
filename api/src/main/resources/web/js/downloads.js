// The plan as files: the service's JSON answer as it came, and a CSV for spreadsheets with one row per item
// (best plan, then each alternative) and what it adds per targeted nutrient, then each plan's totals and the targets,
// then, when the plan has an intake schedule, one row per intake with its minute and the slot's totals.
import {download} from './dom.js';
import {canonical} from './nutrients.js';
import {itemRows} from './plan-view.js';

const cell = (value) => {
  if (value == null) return '';
  const text = String(value);
  return /[",\n\r]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
};
const line = (values) => values.map(cell).join(',');
const round = (value) => (value == null ? value : Math.round(value * 1000) / 1000);

export function planCsv(response, products) {
  const nutrients = Object.keys(response.totals ?? {});
  const lines = [line(['plan', 'product', 'name', 'servings', 'serving',
    ...nutrients.map((nutrient) => `${nutrient} (${response.totals[nutrient].unit})`)])];
  const plans = [['best', response], ...(response.alternatives ?? []).map((plan, index) => [`alternative ${index + 1}`, plan])];
  for (const [label, plan] of plans) {
    for (const row of itemRows(plan, products)) {
      lines.push(line([label, row.product, row.name, row.servings, row.serving,
        ...nutrients.map((nutrient) => (row.amounts[nutrient] === null ? 'not known' : round(row.amounts[nutrient])))]));
    }
    lines.push(line([label, 'total', '', plan.items.reduce((sum, item) => sum + item.servings, 0), '',
      ...nutrients.map((nutrient) => round(plan.totals[nutrient].amount))]));
  }
  lines.push(line(['target', 'min', '', '', '', ...nutrients.map((nutrient) => canonical(response.totals[nutrient].min))]));
  lines.push(line(['target', 'max', '', '', '', ...nutrients.map((nutrient) => canonical(response.totals[nutrient].max))]));
  if (response.schedule) lines.push('', ...scheduleLines(response.schedule));
  return lines.join('\r\n') + '\r\n';
}

/** The schedule after the plan: one row per intake, then the slot's totals of carbohydrate, fluid, sodium and caffeine. */
function scheduleLines(schedule) {
  const tracked = Object.keys(schedule[0]?.totals ?? {});
  const lines = [line(['atMin', 'product', 'servings', 'amount', 'unit',
    ...tracked.map((nutrient) => `slot ${nutrient} (${schedule[0].totals[nutrient].unit})`)])];
  for (const slot of schedule) {
    const totals = tracked.map((nutrient) => round(slot.totals[nutrient].amount));
    if (slot.items.length === 0) lines.push(line([slot.atMin, '', '', '', '', ...totals]));
    for (const item of slot.items) {
      lines.push(line([slot.atMin, item.product, round(item.servings), round(item.amount.amount), item.amount.unit, ...totals]));
    }
  }
  return lines;
}

export function downloadJson(response) {
  download('nutriplan-plan.json', 'application/json', JSON.stringify(response, null, 2) + '\n');
}

export function downloadCsv(response, products) {
  download('nutriplan-plan.csv', 'text/csv', planCsv(response, products));
}
