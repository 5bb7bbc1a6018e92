// Errors and notes shown at the field they concern. A field's error slot carries data-error-for="<field path>"
// (the path the service names in a 400's details, such as targets.sodium.min or nutrients.fluid); its inputs
// point at the slot with aria-describedby, so a screen reader reads the error with the field.

/** Candidate paths for a field, most precise first: "include.tags[0]" → "include.tags[0]", "include.tags", "include". */
function candidates(field) {
  const paths = [field];
  let path = field.replace(/\[\d+\]/g, '');
  if (path !== field) paths.push(path);
  while (path.includes('.')) {
    path = path.slice(0, path.lastIndexOf('.'));
    paths.push(path);
  }
  return paths;
}

function find(root, attribute, field) {
  for (const path of candidates(field)) {
    const found = root.querySelector(`[${attribute}="${CSS.escape(path)}"]`);
    if (found) return found;
  }
  return null;
}

/** The error slot for a field path on this form, or null. */
export const errorSlot = (root, field) => (field == null ? null : find(root, 'data-error-for', field));

/** The note slot (explanations, relaxations) for a field path on this form, or null. */
export const noteSlot = (root, field) => (field == null ? null : find(root, 'data-note-for', field));

/**
 * Shows each detail {field, message} at its field; returns the details with no field on this form, for the
 * caller to show elsewhere. Returns the first input marked invalid as `first`, to move the focus there.
 */
export function showFieldErrors(root, details) {
  const unplaced = [];
  let first = null;
  for (const detail of details ?? []) {
    const slot = errorSlot(root, detail.field);
    if (!slot) {
      unplaced.push(detail);
      continue;
    }
    slot.textContent = slot.textContent ? `${slot.textContent} ${detail.message}` : detail.message;
    const inputs = slot.id ? root.querySelectorAll(`[aria-describedby~="${CSS.escape(slot.id)}"]`) : [];
    inputs.forEach((input) => input.setAttribute('aria-invalid', 'true'));
    slot.closest('[data-field]')?.classList.add('invalid');
    first ??= inputs[0] ?? null;
  }
  return {unplaced, first};
}

export function clearFieldErrors(root) {
  root.querySelectorAll('[data-error-for]').forEach((slot) => { slot.textContent = ''; });
  root.querySelectorAll('[aria-invalid]').forEach((input) => input.removeAttribute('aria-invalid'));
  root.querySelectorAll('.invalid').forEach((field) => field.classList.remove('invalid'));
}

export function clearNotes(root) {
  root.querySelectorAll('[data-note-for]').forEach((slot) => slot.replaceChildren());
}
