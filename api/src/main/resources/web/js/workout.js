// The workout panel: a session and a sweat test, the targets the service derives from them with each rule, its
// sources and the safety rails, and planning from them in one click. While "Plan from this workout" is on, the
// plan request sends the workout instead of targets, and the link in the address bar keeps the workout.
import {call} from './api.js';
import {amount, byId, el, replace} from './dom.js';
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

/** The needs of a workout: targets with their rule and reasons, the defaults assumed, warnings and the safety block. */
export function showNeeds(needs) {
  const reasons = new Map();
  for (const entry of needs.rationale) (reasons.get(entry.target) ?? reasons.set(entry.target, []).get(entry.target)).push(entry);
  replace(byId('needs'),
    el('table', {class: 'needs-targets', id: 'needs-targets'},
      el('caption', {}, 'Targets from the workout'),
      el('thead', {}, el('tr', {}, el('th', {scope: 'col'}, 'Target'), el('th', {scope: 'col'}, 'Plannable range'),
        el('th', {scope: 'col'}, 'Why'))),
      el('tbody', {}, Object.entries(needs.targets).map(([nutrient, range]) =>
        el('tr', {'data-nutrient': nutrient},
          el('th', {scope: 'row'}, nutrient),
          el('td', {}, `${amountText(range.min)} – ${amountText(range.max)}`),
          el('td', {}, (reasons.get(nutrient === 'singleSourceCarbohydrate' ? 'carbohydrate' : nutrient) ?? []).map(why)))))),
    needs.warnings.length > 0 && el('ul', {class: 'needs-warnings', id: 'needs-warnings'},
      needs.warnings.map((warning) => el('li', {}, el('strong', {}, warning.field), ': ', warning.message))),
    el('dl', {class: 'safety', id: 'safety'}, safetyRows(needs.safety)),
    needs.assumed.length > 0 && el('details', {class: 'assumed'},
      el('summary', {}, `Assumed (${needs.assumed.length})`),
      el('ul', {}, needs.assumed.map((each) =>
        el('li', {}, el('strong', {}, each.input), ` = ${each.value} — ${each.source}; ${each.effect}`)))));
}

function why(entry) {
  return el('p', {class: 'why', 'data-rule': entry.rule}, el('strong', {}, entry.rule), ' ', entry.arithmetic,
    el('span', {class: 'sources'}, ` [${entry.sources.join('; ')}]`));
}

const SAFETY_LABELS = {
  fluidPerHour: 'Fluid at most, per hour', sodiumPerHour: 'Sodium at most, per hour', caffeineTotal: 'Caffeine in all',
  caffeinePerDose: 'Caffeine per dose', carbohydratePerHour: 'Carbohydrate tolerance, per hour',
  singleSourceCarbohydrateMax: 'Single-source carbohydrate at most',
};

function safetyRows(safety) {
  return [...Object.entries(SAFETY_LABELS).map(([key, label]) => [el('dt', {}, label),
    el('dd', {'data-safety': key}, amount(safety[key].amount, safety[key].unit))]),
  el('dt', {}, 'Confidence'), el('dd', {'data-safety': 'confidence'}, safety.confidence)];
}
