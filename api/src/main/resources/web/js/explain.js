// A 422 for people: why no plan exists, said next to the nutrient or limit it concerns, with the conflicting
// targets and limits named and each suggested relaxation offered as one click.
import {el, replace} from './dom.js';
import {noteSlot} from './fields.js';

/** A relaxation the form can apply by itself: the 422 gives the field's new value or the entry to remove. */
function applicable(member) {
  return member.to !== undefined || member.remove !== undefined;
}

function relaxButton(member, apply) {
  if (!applicable(member)) return el('span', {class: 'hint'}, member.relaxation);
  const button = el('button', {type: 'button', class: 'relax', 'data-relax-field': member.field}, member.relaxation);
  button.addEventListener('click', () => apply(member));
  return button;
}

/**
 * Shows an infeasible answer: the summary and the conflict in the outcome, each nutrient's reach at its target
 * row, each relaxation at its field too.
 *
 * @param outcome the element for the summary
 * @param form    the plan form, whose [data-note-for] slots take the explanations
 * @param body    the 422 body {error, message, details} (its leftOut is shown beside, by left-out.js)
 * @param apply   called with the conflict member {field, relaxation, to | remove} whose relaxation was clicked
 */
export function showInfeasible(outcome, form, body, apply) {
  const details = body.details ?? [];
  const conflict = details.find((detail) => Array.isArray(detail.conflict));
  const members = conflict?.conflict ?? [];
  replace(outcome,
    el('p', {class: 'status status-bad', id: 'status', 'data-status': 'INFEASIBLE'},
      el('strong', {}, 'No plan meets these targets'), ' — ', body.message),
    members.length > 0 ? el('div', {class: 'conflict'},
      el('p', {}, conflict.message),
      el('ul', {'aria-label': 'Targets and limits in conflict'}, members.map((member) => el('li', {'data-conflict-field': member.field},
        el('span', {class: 'constraint'}, member.constraint), member.relaxation
          ? [' — ', relaxButton(member, apply)]
          : el('span', {class: 'hint'}, ' — relaxing this alone is not enough'))))) : null);

  for (const detail of details.filter((each) => each.nutrient)) {
    noteSlot(form, detail.field)?.append(el('p', {class: detail.withinReach ? 'reach within' : 'reach out',
      'data-reach-field': detail.field}, detail.withinReach ? '' : '⚠ ', detail.message));
  }
  for (const member of members) {
    const slot = noteSlot(form, member.field);
    if (!slot) continue;
    slot.append(el('p', {class: 'in-conflict'}, 'In conflict: ', member.constraint,
      member.relaxation ? [' — ', relaxButton(member, apply)] : null));
  }
}
