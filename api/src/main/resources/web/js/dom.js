// Small DOM helpers: every page element is built with textContent and attributes, never from HTML strings,
// so product names and server messages can never inject markup.

/** An element: el('p', {class: 'hint', id: 'x'}, 'text', child). Attributes set to null, undefined or false are left out. */
export function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value == null || value === false) continue;
    if (name === 'class') node.className = value;
    else if (name === 'text') node.textContent = value;
    else node.setAttribute(name, value === true ? '' : String(value));
  }
  append(node, children);
  return node;
}

function append(node, children) {
  for (const child of children.flat(Infinity)) {
    if (child == null || child === false) continue;
    node.append(child instanceof Node ? child : String(child));
  }
}

/** Replaces every child of the node. */
export function replace(node, ...children) {
  node.replaceChildren();
  append(node, children);
  return node;
}

export const byId = (id) => document.getElementById(id);

/** Formats an amount for people: at most one decimal, thousands grouped. */
const people = new Intl.NumberFormat('en', {maximumFractionDigits: 1});
export const fmt = (value) => (value == null || Number.isNaN(value) ? '—' : people.format(value));

/** "60 g" from 60 and "g". */
export const amount = (value, unit) => `${fmt(value)} ${unit}`;

/** A function that runs fn once no call came for ms milliseconds. */
export function debounce(fn, ms) {
  let timer;
  const debounced = (...args) => {
    clearTimeout(timer);
    timer = setTimeout(() => fn(...args), ms);
  };
  debounced.cancel = () => clearTimeout(timer);
  return debounced;
}

/** Saves text as a file through a temporary link. */
export function download(filename, type, text) {
  const url = URL.createObjectURL(new Blob([text], {type}));
  const link = el('a', {href: url, download: filename, hidden: true});
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
