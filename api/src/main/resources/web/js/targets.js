// The targets: one row per nutrient with a min and a max, each a number in the canonical unit or a
// number with a unit as typed ("20 fl oz"). A row left empty is no target.
import {el} from './dom.js';
import {NUTRIENTS, quantity} from './nutrients.js';

const inputId = (nutrient, bound) => `t-${nutrient}-${bound}`;

function boundCell(nutrient, bound) {
  const id = inputId(nutrient, bound);
  return el('div', {class: 'cell', 'data-field': `targets.${nutrient}.${bound}`},
    el('label', {class: 'visually-hidden', for: id}, `${nutrient} ${bound}`),
    el('input', {id, autocomplete: 'off', spellcheck: 'false',
      'aria-describedby': `${id}-error t-${nutrient}-error t-${nutrient}-unit`}),
    el('p', {class: 'field-error', id: `${id}-error`, 'data-error-for': `targets.${nutrient}.${bound}`}));
}

/** Builds the rows into the container. */
export function buildTargets(container) {
  for (const {name, unit, others} of NUTRIENTS) {
    container.append(el('div', {class: 'target', id: `target-${name}`, 'data-field': `targets.${name}`,
      role: 'group', 'aria-labelledby': `t-${name}-name`},
    el('span', {class: 'nutrient', id: `t-${name}-name`}, name),
    boundCell(name, 'min'),
    boundCell(name, 'max'),
    el('span', {class: 'unit', id: `t-${name}-unit`}, unit, el('span', {class: 'visually-hidden'}, ` (or ${others})`)),
    el('p', {class: 'field-error row-error', id: `t-${name}-error`, 'data-error-for': `targets.${name}`}),
    el('div', {class: 'explain', id: `explain-${name}`, 'data-note-for': `targets.${name}`})));
  }
}

const input = (nutrient, bound) => document.getElementById(inputId(nutrient, bound));

/** The targets object of a plan request: only nutrients with a min or a max. */
export function readTargets() {
  const targets = {};
  for (const {name} of NUTRIENTS) {
    const target = {};
    for (const bound of ['min', 'max']) {
      const text = input(name, bound).value;
      if (text.trim() !== '') target[bound] = quantity(text);
    }
    if (Object.keys(target).length > 0) targets[name] = target;
  }
  return targets;
}

/** Shows a request's targets; nutrients it leaves out are emptied. Unknown nutrients are ignored (the service would name them). */
export function fillTargets(targets = {}) {
  for (const {name} of NUTRIENTS) {
    for (const bound of ['min', 'max']) {
      const value = targets?.[name]?.[bound];
      input(name, bound).value = value == null ? '' : String(value);
    }
  }
}

/** Sets one bound, for a relaxation: "targets.sodium.max" to "1150 mg". */
export function setBound(field, text) {
  const [, nutrient, bound] = field.split('.');
  const target = input(nutrient, bound);
  if (target) target.value = text;
  return target;
}
