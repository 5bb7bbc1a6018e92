// The plan as files: the service's JSON answer as it came, and a CSV for spreadsheets with one row per item
// (best plan, then each alternative) and what it adds per targeted nutrient, then each plan's totals and the targets.
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
  return lines.join('\r\n') + '\r\n';
}

export function downloadJson(response) {
  download('nutriplan-plan.json', 'application/json', JSON.stringify(response, null, 2) + '\n');
}

export function downloadCsv(response, products) {
  download('nutriplan-plan.csv', 'text/csv', planCsv(response, products));
}
