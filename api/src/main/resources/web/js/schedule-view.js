// The intake schedule under the plan: a timeline of the slots (what to take at each, and the slot's carbohydrate,
// fluid and sodium), a chart per nutrient of the cumulative amount against its even curve (total × elapsed /
// duration), the hours against their caps, and a race card — time, product, amount — that prints on one page.
import {amount, el, fmt, replace} from './dom.js';

const CURVES = ['carbohydrate', 'fluid', 'sodium'];
const COLOURS = {taken: '#1d4ed8', even: 'rgba(15, 118, 110, 0.8)'};

/** "1:15" from 75 minutes. */
export const clock = (minutes) => `${Math.floor(minutes / 60)}:${String(minutes % 60).padStart(2, '0')}`;

/** One intake in words: "250 mL of Tailwind (a sip: 1/3 serving)", or "1 × GU gel (32 g)". */
function intakeText(item, names) {
  const name = names.get(item.product) ?? item.product;
  if (item.servings < 1) return `${amount(item.amount.amount, item.amount.unit)} of ${name} (a sip: ${share(item.servings)} serving)`;
  return `${fmt(item.servings)} × ${name} (${amount(item.amount.amount, item.amount.unit)})`;
}

/** "1/4" for a quarter; a share that is no unit fraction as a decimal. */
const share = (servings) => {
  const parts = Math.round(1 / servings);
  return Math.abs(parts * servings - 1) < 1e-3 ? `1/${parts}` : fmt(servings);
};

/** Cumulative amounts per slot end, and the even curve at the same minutes: {minutes, taken, even}. */
export function cumulative(schedule, limits, nutrient) {
  const total = schedule.reduce((sum, slot) => sum + (slot.totals[nutrient]?.amount ?? 0), 0);
  let taken = 0;
  const points = {minutes: [0], taken: [0], even: [0]};
  for (const slot of schedule) {
    taken += slot.totals[nutrient]?.amount ?? 0;
    const end = Math.min(limits.durationMin, slot.atMin + limits.intervalMin);
    points.minutes.push(end);
    points.taken.push(taken);
    points.even.push(total * end / limits.durationMin);
  }
  return points;
}

function curveFigure(schedule, limits, nutrient) {
  const unit = schedule[0]?.totals[nutrient]?.unit ?? '';
  const points = cumulative(schedule, limits, nutrient);
  const total = points.taken[points.taken.length - 1];
  const text = `${nutrient}: ${amount(total, unit)} over ${limits.durationMin} min, cumulative against the even curve`;
  const canvas = el('canvas', {role: 'img', 'aria-label': text});
  const figure = el('figure', {class: 'curve', 'data-nutrient': nutrient}, el('figcaption', {}, text),
    el('div', {class: 'chart-box'}, canvas));
  figure.draw = () => new window.Chart(canvas, {
    type: 'line',
    data: {labels: points.minutes.map(clock), datasets: [
      {label: 'taken', data: points.taken, borderColor: COLOURS.taken, stepped: 'before', pointRadius: 0, borderWidth: 2},
      {label: 'even', data: points.even, borderColor: COLOURS.even, borderDash: [5, 4], pointRadius: 0, borderWidth: 1.5},
    ]},
    options: {animation: false, responsive: true, maintainAspectRatio: false,
      plugins: {legend: {display: true, position: 'bottom'},
        tooltip: {callbacks: {label: (item) => `${item.dataset.label}: ${amount(item.raw, unit)}`}}},
      scales: {y: {min: 0, ticks: {maxTicksLimit: 5}}, x: {ticks: {maxTicksLimit: 8}}}},
  });
  return figure;
}

function timelineTable(schedule, names) {
  return el('div', {class: 'table-wrap', tabindex: 0, role: 'region', 'aria-label': 'Timeline'},
    el('table', {class: 'slots'},
      el('caption', {class: 'visually-hidden'}, 'What to take at each slot, and the slot\'s totals'),
      el('thead', {}, el('tr', {}, el('th', {scope: 'col'}, 'Time'), el('th', {scope: 'col'}, 'Take'),
        CURVES.map((nutrient) => el('th', {scope: 'col', class: 'num'}, nutrient, el('br'),
          el('span', {class: 'unit'}, schedule[0]?.totals[nutrient]?.unit ?? ''))))),
      el('tbody', {}, schedule.map((slot) => el('tr', {'data-at-min': slot.atMin, class: slot.items.length ? null : 'empty'},
        el('th', {scope: 'row'}, clock(slot.atMin)),
        el('td', {}, slot.items.length ? el('ul', {}, slot.items.map((item) => el('li', {'data-product': item.product,
          'data-servings': item.servings}, intakeText(item, names)))) : '—'),
        CURVES.map((nutrient) => el('td', {class: 'num'}, fmt(slot.totals[nutrient]?.amount))))))));
}

function hoursTable(info) {
  const caps = {carbohydrate: info.limits.carbohydratePerHour, fluid: info.limits.fluidPerHour};
  // Carbohydrate is held to a band when the hour is asked for a minimum: "48 g / 60–90 g".
  const bound = (hour, nutrient) => nutrient === 'carbohydrate' && hour.carbohydrateMin
    ? ` / ${fmt(hour.carbohydrateMin.amount)}–${amount(caps[nutrient].amount, caps[nutrient].unit)}`
    : caps[nutrient] ? ` / ${amount(caps[nutrient].amount, caps[nutrient].unit)}` : '';
  return el('table', {class: 'hours'},
    el('caption', {}, 'Per hour, against the caps and the band'),
    el('thead', {}, el('tr', {}, el('th', {scope: 'col'}, 'Hour'),
      CURVES.map((nutrient) => el('th', {scope: 'col', class: 'num'}, nutrient)))),
    el('tbody', {}, info.perHour.map((hour) => el('tr', {'data-from-min': hour.fromMin,
      class: hour.withinBand === false ? 'miss' : null},
      el('th', {scope: 'row'}, `${clock(hour.fromMin)}–${clock(hour.toMin)}`),
      CURVES.map((nutrient) => el('td', {class: 'num', 'data-nutrient': nutrient},
        amount(hour.totals[nutrient].amount, hour.totals[nutrient].unit), bound(hour, nutrient)))))));
}

/** One page to tape to the handlebars: time, product, amount. Printed alone (the print stylesheet). */
function raceCard(schedule, names) {
  return el('section', {class: 'race-card', id: 'race-card', 'aria-labelledby': 'race-card-heading'},
    el('h3', {id: 'race-card-heading'}, 'Race card'),
    el('table', {},
      el('thead', {}, el('tr', {}, el('th', {scope: 'col'}, 'Time'), el('th', {scope: 'col'}, 'Product'),
        el('th', {scope: 'col', class: 'num'}, 'Amount'))),
      el('tbody', {}, schedule.flatMap((slot) => slot.items.map((item) => el('tr', {},
        el('td', {}, clock(slot.atMin)), el('td', {}, names.get(item.product) ?? item.product),
        el('td', {class: 'num'}, item.servings < 1 ? amount(item.amount.amount, item.amount.unit)
          : `${fmt(item.servings)} × ${amount(item.amount.amount, item.amount.unit)}`)))))));
}

function explanation(info) {
  if (info.explanation.length === 0) return el('p', {class: 'hint', id: 'schedule-score'}, `Score ${info.score}: every soft rule met.`);
  return el('details', {id: 'schedule-score'}, el('summary', {}, `Score ${info.score}: what the soft rules cost`),
    el('ul', {}, info.explanation.map((cost) => el('li', {'data-rule': cost.rule},
      el('strong', {}, cost.rule), ` (${fmt(cost.cost)}): ${cost.reasons.join('; ')}`))));
}

/**
 * Shows the schedule of a 200 plan response in the section, or hides the section when the response has none.
 *
 * @param names Map product id → name, for people
 */
export function showSchedule(section, response, names) {
  destroySchedule(section);
  const schedule = response.schedule;
  section.hidden = !schedule;
  if (!schedule) return replace(section);
  const info = response.scheduleInfo;
  const figures = CURVES.map((nutrient) => curveFigure(schedule, info.limits, nutrient));
  replace(section,
    el('h3', {id: 'timeline-heading'}, `Intake schedule: ${info.limits.durationMin} min, every ${info.limits.intervalMin} min`),
    el('p', {class: 'hint'}, `No 60-minute window holds more than ${amount(info.limits.carbohydratePerHour.amount, 'g')}`
      + ` of carbohydrate or ${amount(info.limits.fluidPerHour.amount, 'mL')} of fluid.`
      + (info.limits.assumed.length ? ` Assumed: ${info.limits.assumed.join('; ')}.` : '')),
    info.excluded.length ? el('ul', {class: 'warnings', 'aria-label': 'Left out for the schedule'},
      info.excluded.map((text) => el('li', {}, '⚠ ', text))) : null,
    info.capped.length ? el('ul', {class: 'capped', id: 'schedule-capped', 'aria-label': 'Bounds changed for the session'},
      info.capped.map((text) => el('li', {}, text))) : null,
    info.misses?.length ? el('ul', {class: 'warnings', id: 'schedule-misses', 'aria-label': 'What the schedule misses'},
      info.misses.map((miss) => el('li', {'data-rule': miss.rule, 'data-from-min': miss.fromMin}, '⚠ ', miss.message))) : null,
    explanation(info),
    el('p', {class: 'downloads'}, printButton()),
    timelineTable(schedule, names),
    el('div', {class: 'charts curves', role: 'group', 'aria-label': 'Cumulative intake against the even curves'}, figures),
    hoursTable(info),
    raceCard(schedule, names));
  figures.forEach((figure) => figure.draw());
}

function printButton() {
  const button = el('button', {type: 'button', id: 'print-race-card'}, 'Print the race card');
  button.addEventListener('click', () => window.print());
  return button;
}

export function destroySchedule(section) {
  section.querySelectorAll('canvas').forEach((canvas) => window.Chart.getChart(canvas)?.destroy());
}

/** Hides the schedule (an answer that is no plan). */
export function hideSchedule(section) {
  destroySchedule(section);
  replace(section);
  section.hidden = true;
}
