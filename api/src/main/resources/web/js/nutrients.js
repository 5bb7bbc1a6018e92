// The nutrients of API.md in its order, each with its canonical unit (a plain number is read in it) and the
// other units people may type. NutrientsScriptTest checks this list against the service's own.
export const NUTRIENTS = [
  {name: 'energy', unit: 'kcal', others: 'kJ'},
  {name: 'carbohydrate', unit: 'g', others: 'mg, kg'},
  {name: 'protein', unit: 'g', others: 'mg, kg'},
  {name: 'fat', unit: 'g', others: 'mg, kg'},
  {name: 'fluid', unit: 'mL', others: 'L, fl oz'},
  {name: 'sodium', unit: 'mg', others: 'g, mmol'},
  {name: 'potassium', unit: 'mg', others: 'g, mmol'},
  {name: 'magnesium', unit: 'mg', others: 'g'},
  {name: 'calcium', unit: 'mg', others: 'g'},
  {name: 'caffeine', unit: 'mg', others: 'g'},
];

export const UNIT_OF = Object.fromEntries(NUTRIENTS.map((n) => [n.name, n.unit]));

/**
 * What an input holds, as a plan request or a product wants it: a plain number is sent as a number (read in
 * the canonical unit), anything else as typed, so the service, which knows units, judges it.
 */
/** An amount the service wrote, as people read and type it: {amount: 591, unit: "mL"} is "591 mL"; null stays null. */
export function amountText(written) {
  if (written == null) return written;
  if (typeof written === 'object') return `${written.amount} ${written.unit}`;
  return String(written);
}

export function quantity(text) {
  const trimmed = text.trim();
  return /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(trimmed) ? Number(trimmed) : trimmed;
}

/**
 * The canonical number of an amount the service wrote ({amount: 36, unit: "g"}, or a catalog file's "36 g");
 * null when unknown or absent.
 */
export function canonical(written) {
  if (written == null) return null;
  if (typeof written === 'number') return written;
  if (typeof written === 'object') return Number.isFinite(written.amount) ? written.amount : null;
  const number = Number.parseFloat(written);
  return Number.isFinite(number) ? number : null;
}
