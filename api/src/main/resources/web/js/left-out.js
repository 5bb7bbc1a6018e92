// The products a plan (or a 422) left out, in full: each one whose value under a max is not known, with the values
// and the reason and a button that brings it back; those not meant for the plan's phase in one short line per
// phase they are meant for, which opens to the list. A bring-back applies the answer's {field, to} (or {field, add}
// to a list) to the form and plans again, as a 422's relaxation does.
import {el, replace} from './dom.js';

const SHORT_NAMES = 4; // names in a phase's line before "…"

/** "White rice, long-grain, enriched, cooked, 1 cup" → "White rice": a name short enough for a line of several. */
const shortName = (name) => name.split(/, | \(/)[0];

/** The phase a left-out product is for, which groups the phase lines: its use's first, or "any" when not said. */
const phaseFor = (entry) => entry.use?.[0] ?? 'any';

function bringBackButton(label, entry, hiddenName, apply) {
  const button = el('button', {type: 'button', class: 'relax small bring-back', 'data-bring-back-field': entry.bringBack.field,
    'data-bring-back-to': entry.bringBack.to ?? entry.bringBack.add, title: entry.bringBack.message}, label,
  hiddenName ? el('span', {class: 'visually-hidden'}, ` ${hiddenName}`) : null);
  button.addEventListener('click', () => apply(entry.bringBack));
  return button;
}

/**
 * The reason of an unknown value without the values it begins with, which the row already names: "sodium is not
 * known for this product, so it cannot be shown to stay under the max" → "so it cannot be shown to stay under the max".
 */
const consequence = (reason) => (reason.includes(', so ') ? reason.slice(reason.indexOf(', so ') + 2) : reason);

function unknownList(entries, apply) {
  return [
    el('h4', {}, `A value not known under a max (${entries.length})`),
    el('p', {class: 'hint'}, 'The catalog does not state the value, so the product cannot be shown to stay under the max. '
      + 'Bring back plans with “A value not known under a max: use it”: the value counted as 0, the total marked a lower '
      + 'bound. Or give the value in the catalog.'),
    el('ul', {class: 'left-out-unknown', id: 'left-out-unknown'}, entries.map((entry) =>
      el('li', {'data-product': entry.product, 'data-cause': 'unknown'},
        el('span', {class: 'left-out-what'}, el('strong', {}, entry.name), ' ', el('span', {class: 'id'}, entry.product),
          el('br'), el('span', {class: 'not-known', 'data-nutrients': entry.nutrients.join(' ')},
            `Not known: ${entry.nutrients.join(', ')}`), el('span', {class: 'consequence'}, ` — ${consequence(entry.reason)}`)),
        bringBackButton('Bring back', entry, entry.name, apply)))),
  ];
}

function phaseLine(to, entries, {phase, fromWorkout}, apply, index) {
  const names = entries.map((entry) => shortName(entry.name));
  const shown = names.slice(0, SHORT_NAMES).join('; ') + (names.length > SHORT_NAMES ? '; …' : '');
  const listId = `left-out-phase-${index}`;
  const toggle = el('button', {type: 'button', class: 'link', 'aria-expanded': 'false', 'aria-controls': listId},
    `all ${entries.length}`);
  // A workout is planned for during or after it only: each product comes back by requiring it, one by one.
  const require = fromWorkout;
  const list = el('ul', {id: listId, class: 'left-out-list', hidden: true}, entries.map((entry) =>
    el('li', {'data-product': entry.product, 'data-cause': 'phase'}, el('strong', {}, entry.name), ' ',
      el('span', {class: 'id'}, entry.product), ` — ${entry.reason} `,
      require ? bringBackButton('Require', entry, entry.name, apply) : null)));
  toggle.addEventListener('click', () => {
    list.hidden = !list.hidden;
    toggle.setAttribute('aria-expanded', String(!list.hidden));
  });
  const sample = entries[0];
  const words = to === 'any' ? 'the catalog does not say when they are taken' : `they are for ${to}`;
  return el('li', {'data-phase-group': to},
    el('span', {class: 'phase-line'}, el('strong', {}, `Not for ${phase}: `), shown, ` — ${words}. `),
    require
      ? el('span', {class: 'hint'}, '(A workout is planned for during or after it: require one to take it anyway.) ')
      : bringBackButton(`Plan for ${to}`, sample, null, apply),
    ' ', toggle, list);
}

/**
 * Shows the left-out products of an answer; hides the section when there are none.
 *
 * @param section  the section to fill
 * @param leftOut  the answer's leftOut [{product, name, cause, use, nutrients, reason, bringBack: {field, to | add, message}}]
 * @param context  {phase: the plan's phase as the service applied it, fromWorkout: planned from a workout}
 * @param apply    called with a bringBack {field, to | add, message} whose button was clicked
 */
export function showLeftOut(section, leftOut = [], context, apply) {
  section.hidden = leftOut.length === 0;
  if (leftOut.length === 0) return replace(section);
  const unknown = leftOut.filter((entry) => entry.cause === 'unknown');
  const byPhase = new Map();
  for (const entry of leftOut.filter((each) => each.cause === 'phase')) {
    (byPhase.get(phaseFor(entry)) ?? byPhase.set(phaseFor(entry), []).get(phaseFor(entry))).push(entry);
  }
  return replace(section,
    el('h3', {id: 'left-out-heading'}, `Left out of the plan (${leftOut.length} products)`),
    unknown.length > 0 ? unknownList(unknown, apply) : null,
    byPhase.size > 0 ? [
      el('h4', {}, `Not for ${context.phase} (${leftOut.length - unknown.length})`),
      el('ul', {class: 'left-out-phase', id: 'left-out-phase'},
        [...byPhase].map(([to, entries], index) => phaseLine(to, entries, context, apply, index))),
    ] : null);
}

/** One line for the outcome: how many were left out and why, linking to the list. Null when none. */
export function leftOutSummary(leftOut = [], phase) {
  if (leftOut.length === 0) return null;
  const unknown = leftOut.filter((entry) => entry.cause === 'unknown').length;
  const parts = [];
  if (unknown > 0) parts.push(`${unknown} with a value not known under a max`);
  if (leftOut.length > unknown) parts.push(`${leftOut.length - unknown} not for ${phase}`);
  return el('p', {class: 'left-out-summary', id: 'left-out-summary'}, 'Left out: ', parts.join(', '), ' — ',
    el('a', {href: '#left-out'}, 'which, and how to bring them back'));
}
