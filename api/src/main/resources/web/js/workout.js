// The workout panel: a session and a sweat test, the targets the service derives from them with each rule, its
// sources and the safety rails, and planning from them in one click. While "Plan from this workout" is on, the
// plan request sends the workout instead of targets, and the link in the address bar keeps the workout.
import {call} from './api.js';
import {amount, byId, el, fmt, replace} from './dom.js';
import {clearFieldErrors, showFieldErrors} from './fields.js';
import {amountText, quantity} from './nutrients.js';

/** The workout's fields as the service names them; each input's id is `w-<field>`. */
export const WORKOUT_FIELDS = ['durationMin', 'bodyMass', 'intensity', 'sweatRate', 'sweatSodium', 'temperature',
  'carbTolerance', 'caffeine', 'recovery'];
const NUMBERS = new Set(['durationMin', 'recovery']);

const input = (field) => byId(`w-${field}`);

/** The workout object the inputs describe: only the fields filled in; counts as numbers when they are. */
export function readWorkout() {
  const workout = {};
  for (const field of WORKOUT_FIELDS) {
    const text = input(field).value.trim();
    if (text !== '') workout[field] = NUMBERS.has(field) ? quantity(text) : text;
  }
  return workout;
}

/** Shows a workout (a link's); fields it leaves out are emptied. */
export function fillWorkout(workout = {}) {
  for (const field of WORKOUT_FIELDS) input(field).value = workout[field] == null ? '' : String(workout[field]);
}

export const usesWorkout = () => byId('workout-use').checked;

/** Plans from the workout (its targets shown, not typed) or from the typed targets. */
export function useWorkout(on) {
  byId('workout-use').checked = on;
  byId('targets-fieldset').disabled = on;
  byId('targets-fieldset').classList.toggle('from-workout', on);
  byId('durationMin').disabled = on; // the schedule's session is the workout's
}

/** Asks the service for the workout's targets and shows them; a 400 is shown at the fields. */
export async function deriveTargets() {
  const panel = byId('workout-panel');
  clearFieldErrors(panel);
  const answer = await call('POST', '/api/v1/targets', {body: readWorkout()});
  if (answer.status === 200) {
    showNeeds(answer.body);
    return answer.body;
  }
  const details = (answer.body?.details ?? []).map((detail) => ({...detail, field: `workout.${detail.field}`}));
  const {unplaced} = showFieldErrors(panel, details);
  replace(byId('needs'), el('p', {class: 'status status-bad', id: 'needs-status'}, answer.body?.message ?? `HTTP ${answer.status}`,
    unplaced.length ? ` — ${unplaced.map((detail) => detail.message).join(' ')}` : ''));
  return null;
}

/** The rationale entries of a target, by the name the rationale gives it. */
function reasonsOf(needs) {
  const reasons = new Map();
  for (const entry of needs.rationale) (reasons.get(entry.target) ?? reasons.set(entry.target, []).get(entry.target)).push(entry);
  return (target) => reasons.get(target) ?? [];
}

/**
 * The needs of a workout: targets with their rule and reasons (a target that passes several rules, such as fluid,
 * as one ordered list of steps), the plan's concentration limit and the recovery ranges with theirs, the defaults
 * assumed, warnings and the safety block.
 */
export function showNeeds(needs) {
  const reasons = reasonsOf(needs);
  const limit = needs.safety.carbohydratePerLitre;
  replace(byId('needs'),
    el('table', {class: 'needs-targets', id: 'needs-targets'},
      el('caption', {}, 'Targets from the workout'),
      el('thead', {}, el('tr', {}, el('th', {scope: 'col'}, 'Target'), el('th', {scope: 'col'}, 'Plannable range'),
        el('th', {scope: 'col'}, 'Why'))),
      el('tbody', {}, Object.entries(needs.targets).map(([nutrient, range]) =>
        el('tr', {'data-nutrient': nutrient},
          el('th', {scope: 'row'}, nutrient),
          el('td', {}, `${amountText(range.min)} – ${amountText(range.max)}`),
          el('td', {}, reasons(nutrient === 'singleSourceCarbohydrate' ? 'carbohydrate' : nutrient).map(why)))),
      limit && el('tr', {'data-target': 'concentration'},
        el('th', {scope: 'row'}, 'carbohydrate per litre'),
        el('td', {}, `at most ${amountText(limit)}`),
        el('td', {}, reasons('concentration').map(why))),
      (needs.recovery ?? []).length > 0 && el('tr', {'data-target': 'recovery'},
        el('th', {scope: 'row'}, 'after the session'),
        el('td', {}, needs.recovery.map((range) => el('span', {class: 'recovery-range', 'data-nutrient': range.nutrient},
          `${range.nutrient} ${amountText(range.min)} – ${amountText(range.max)}`, el('br')))),
        el('td', {}, reasons('recovery').map(why))))),
    needs.warnings.length > 0 && el('ul', {class: 'needs-warnings', id: 'needs-warnings'},
      needs.warnings.map((warning) => el('li', {'data-field': warning.field}, el('strong', {}, warning.field), ': ', warning.message))),
    el('dl', {class: 'safety', id: 'safety'}, safetyRows(needs.safety)),
    needs.assumed.length > 0 && el('details', {class: 'assumed'},
      el('summary', {}, `Assumed (${needs.assumed.length})`),
      el('ul', {}, needs.assumed.map((each) =>
        el('li', {}, el('strong', {}, each.input), ` = ${each.value} — ${each.source}; ${each.effect}`)))));
}

/**
 * One rule's reason. With steps, the steps are the arithmetic, each with its range and its rule, in order from the
 * first value to the one planned; what the sources disagree on is kept from the arithmetic.
 */
function why(entry) {
  const sources = el('span', {class: 'sources'}, ` [${entry.sources.join('; ')}]`);
  if (!(entry.steps?.length > 0)) {
    return el('p', {class: 'why', 'data-rule': entry.rule}, el('strong', {}, entry.rule), ' ', entry.arithmetic, sources);
  }
  const disagree = entry.arithmetic.indexOf('Sources disagree');
  return el('div', {class: 'why', 'data-rule': entry.rule},
    el('p', {}, el('strong', {}, entry.rule), ': step by step to what is planned'),
    el('ol', {class: 'steps', 'data-steps-for': entry.target}, entry.steps.map((step) =>
      el('li', {class: 'step'}, el('strong', {class: 'step-range'}, stepRange(step)), ' — ', step.step,
        el('span', {class: 'step-rule'}, ` (${step.rule})`)))),
    el('p', {}, disagree >= 0 ? entry.arithmetic.slice(disagree) : null, sources));
}

/** A step's value: "6,000 mL" alone, or "4,500–6,000 mL". */
function stepRange({min, max}) {
  const text = (value) => amount(value.amount, value.unit);
  if (min == null) return text(max);
  if (max == null) return `at least ${text(min)}`;
  if (min.amount === max.amount && min.unit === max.unit) return text(max);
  return min.unit === max.unit ? `${fmt(min.amount)}–${text(max)}` : `${text(min)} – ${text(max)}`;
}

const SAFETY_LABELS = {
  fluidPerHour: 'Fluid at most, per hour', sodiumPerHour: 'Sodium at most, per hour', caffeineTotal: 'Caffeine in all',
  caffeinePerDose: 'Caffeine per dose', carbohydratePerHour: 'Carbohydrate tolerance, per hour',
  singleSourceCarbohydrateMax: 'Single-source carbohydrate at most',
  carbohydratePerLitre: 'Carbohydrate per litre of the plan\'s fluid, at most',
  carbohydratePerLitreInSlot: 'Carbohydrate per litre at any one moment, at most',
};

function safetyRows(safety) {
  return [...Object.entries(SAFETY_LABELS).filter(([key]) => safety[key] != null).map(([key, label]) => [el('dt', {}, label),
    el('dd', {'data-safety': key}, amount(safety[key].amount, safety[key].unit))]),
  el('dt', {}, 'Confidence'), el('dd', {'data-safety': 'confidence'}, safety.confidence)];
}
