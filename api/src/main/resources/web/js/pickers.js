// Include, exclude and require: lists of products or tags, picked from the live catalog, and kinds, checked. Each
// picker is a text box with the catalog's products (or tags) as suggestions, an Add button, and the chosen ones as
// removable chips; kinds are one checkbox each.
import {KINDS} from './catalog-view.js';
import {el, replace} from './dom.js';

/** The pickers of the form, by the field path the plan request and its 400 details use. */
export const PICKERS = [
  {field: 'include.products', kind: 'product', label: 'Only these products', hint: 'plan from these alone'},
  {field: 'include.tags', kind: 'tag', label: 'Only products tagged', hint: 'plan only from products with one of these tags'},
  {field: 'exclude.products', kind: 'product', label: 'Never these products'},
  {field: 'exclude.tags', kind: 'tag', label: 'Never products tagged', hint: 'e.g. caffeine, dairy, gluten, nut'},
  {field: 'require', kind: 'product', label: 'Must contain', hint: 'products every plan must hold'},
];

const slug = (field) => field.replace('.', '-');

/** The kinds of "Sports products only": made to be taken during exercise (API.md, include). */
export const SPORTS_KINDS = ['drink', 'powder', 'gel', 'chew'];

class Picker {
  constructor(spec, catalog, onChange) {
    Object.assign(this, spec);
    this.catalog = catalog;
    this.onChange = onChange;
    this.values = [];
    const id = `pick-${slug(spec.field)}`;
    this.input = el('input', {id, list: spec.kind === 'product' ? 'product-options' : 'tag-options', autocomplete: 'off',
      spellcheck: 'false', placeholder: spec.kind === 'product' ? 'search products' : 'a tag',
      'aria-describedby': `${id}-hint ${id}-error`});
    this.error = el('p', {class: 'field-error', id: `${id}-error`, 'data-error-for': spec.field});
    this.chips = el('ul', {class: 'chips', 'aria-label': spec.label});
    const add = el('button', {type: 'button', class: 'small'}, 'Add');
    add.setAttribute('aria-label', `Add to “${spec.label}”`);
    add.addEventListener('click', () => this.addTyped());
    this.input.addEventListener('keydown', (event) => {
      if (event.key === 'Enter') {
        event.preventDefault(); // Enter adds here; it does not submit the form
        this.addTyped();
      }
    });
    // Picking a suggestion from the list fills the box with an exact id: take it at once.
    this.input.addEventListener('input', (event) => {
      if (event.inputType === 'insertReplacementText' && this.resolve(this.input.value, false)) this.addTyped();
    });
    this.element = el('div', {class: 'field picker', 'data-field': spec.field},
      el('label', {for: id}, spec.label),
      el('div', {class: 'row'}, this.input, add),
      el('p', {class: 'hint', id: `${id}-hint`}, spec.hint ?? ''),
      this.chips, this.error,
      el('div', {class: 'field-note', 'data-note-for': spec.field}));
  }

  /** The id or tag typed, or null (and, when asked, an error at the field) when it names nothing. */
  resolve(text, report = true) {
    const typed = text.trim();
    if (typed === '') return null;
    if (this.kind === 'tag') return typed.toLowerCase();
    const product = this.catalog.findProduct(typed);
    if (!product && report) {
      this.error.textContent = `no product matches “${typed}” in catalog ${this.catalog.name()}; pick one from the suggestions`;
      this.input.setAttribute('aria-invalid', 'true');
    }
    return product?.id ?? null;
  }

  addTyped() {
    const value = this.resolve(this.input.value);
    if (value == null) return;
    this.input.value = '';
    this.input.removeAttribute('aria-invalid');
    this.error.textContent = '';
    if (!this.values.includes(value)) {
      this.values.push(value);
      this.render();
      this.onChange();
    }
  }

  remove(value) {
    this.values = this.values.filter((each) => each !== value);
    this.render();
    this.onChange();
    this.input.focus();
  }

  set(values) {
    this.values = [...new Set(values ?? [])];
    this.render();
  }

  render() {
    replace(this.chips, this.values.map((value) => {
      const label = this.kind === 'product' ? (this.catalog.productName(value) ?? value) : value;
      const remove = el('button', {type: 'button', class: 'chip-remove', 'aria-label': `Remove ${label}`}, '×');
      remove.addEventListener('click', () => this.remove(value));
      return el('li', {class: 'chip', 'data-value': value, title: value}, el('span', {}, label), remove);
    }));
  }
}

/** Kinds to include or exclude: one checkbox per kind, its values the kinds checked, in the catalog's order. */
class KindChecks {
  constructor(field, label, hint) {
    this.field = field;
    const id = `pick-${slug(field)}`;
    this.boxes = KINDS.map((kind) => el('input', {type: 'checkbox', id: `${id}-${kind}`, value: kind,
      'aria-describedby': `${id}-error`}));
    this.error = el('p', {class: 'field-error', id: `${id}-error`, 'data-error-for': field});
    this.element = el('fieldset', {class: 'field checks', 'data-field': field, id},
      el('legend', {}, label),
      hint ? el('p', {class: 'hint'}, hint) : null,
      el('div', {class: 'check-row'}, this.boxes.map((box) => el('label', {class: 'check', for: box.id}, box, box.value))),
      this.error,
      el('div', {class: 'field-note', 'data-note-for': field}));
  }

  get values() {
    return this.boxes.filter((box) => box.checked).map((box) => box.value);
  }

  set(values) {
    const chosen = new Set(values ?? []);
    this.boxes.forEach((box) => { box.checked = chosen.has(box.value); });
  }

  render() {}
}

/**
 * Builds the pickers into the container.
 *
 * @param catalog {name(), findProduct(text), productName(id)}: the catalog the plan is made from
 * @param onChange called after a chip is added or removed
 * @returns {get(field), read(), fill(request), removeValue(field, value)}
 */
export function buildPickers(container, catalog, onChange) {
  const pickers = Object.fromEntries(PICKERS.map((spec) => [spec.field, new Picker(spec, catalog, onChange)]));
  pickers['include.kinds'] = new KindChecks('include.kinds', 'Only these kinds', 'none checked: every kind');
  pickers['exclude.kinds'] = new KindChecks('exclude.kinds', 'Never these kinds');
  // One click to the products made for exercise; the kinds stay editable afterwards.
  const sports = el('button', {type: 'button', class: 'small', id: 'sports-only'}, 'Sports products only');
  sports.addEventListener('click', () => {
    pickers['include.kinds'].set(SPORTS_KINDS);
    pickers['exclude.kinds'].set(pickers['exclude.kinds'].values.filter((kind) => !SPORTS_KINDS.includes(kind)));
    onChange();
  });
  pickers['include.kinds'].element.querySelector('.check-row').after(el('p', {class: 'preset'}, sports,
    el('span', {class: 'hint'}, ` ${SPORTS_KINDS.join(', ')}`)));
  container.append(
    el('div', {class: 'picker-group'}, el('h3', {}, 'Include'), pickers['include.products'].element, pickers['include.tags'].element,
      pickers['include.kinds'].element),
    el('div', {class: 'picker-group'}, el('h3', {}, 'Exclude'), pickers['exclude.products'].element, pickers['exclude.tags'].element,
      pickers['exclude.kinds'].element),
    el('div', {class: 'picker-group'}, el('h3', {}, 'Require'), pickers.require.element));
  return {
    get: (field) => pickers[field],
    /** include, exclude and require of a plan request; empty lists left out. */
    read() {
      const request = {};
      for (const group of ['include', 'exclude']) {
        const selection = {};
        for (const list of ['products', 'tags', 'kinds']) {
          const values = pickers[`${group}.${list}`].values;
          if (values.length > 0) selection[list] = [...values];
        }
        if (Object.keys(selection).length > 0) request[group] = selection;
      }
      if (pickers.require.values.length > 0) request.require = [...pickers.require.values];
      return request;
    },
    fill(request) {
      for (const group of ['include', 'exclude']) {
        for (const list of ['products', 'tags', 'kinds']) pickers[`${group}.${list}`].set(request?.[group]?.[list]);
      }
      pickers.require.set(request?.require);
    },
    rerender() {
      Object.values(pickers).forEach((picker) => picker.render());
    },
  };
}
