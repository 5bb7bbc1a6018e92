// One small chart per targeted nutrient: the plan's total as a bar against the allowed band (min to max), so
// what is tight and what has slack shows at a glance; the plan before the last change, when there is one,
// as a thin grey bar. The same facts are in the caption, in words, for people who cannot see the chart.
import {amount, el, fmt} from './dom.js';
import {canonical} from './nutrients.js';

const COLOURS = {
  band: 'rgba(15, 118, 110, 0.16)', bandEdge: '#0f766e', slack: '#1d4ed8', tight: '#b45309', outside: '#b91c1c',
  before: 'rgba(75, 85, 99, 0.55)',
};

/** A bound counts as tight when the total is within 2 % of it (or of the band's width, when that is smaller). */
function closeness(total, min, max) {
  const width = min != null && max != null ? max - min : Infinity;
  const near = (bound) => Math.abs(total - bound) <= Math.max(Math.min(Math.abs(bound) * 0.02, width * 0.02), 1e-9);
  if (min != null && total < min - 1e-9) return {state: 'outside', words: `below its min by ${fmt(min - total)}`};
  if (max != null && total > max + 1e-9) return {state: 'outside', words: `above its max by ${fmt(total - max)}`};
  if (max != null && near(max)) return {state: 'tight', words: 'tight at its max'};
  if (min != null && min > 0 && near(min)) return {state: 'tight', words: 'tight at its min'};
  const room = [];
  if (min != null && min > 0) room.push(`${fmt(total - min)} above min`);
  if (max != null) room.push(`${fmt(max - total)} below max`);
  return {state: 'slack', words: room.length ? `slack: ${room.join(', ')}` : 'no bound to press on'};
}

function range(min, max, unit) {
  if (min != null && min > 0 && max != null) return `${fmt(min)}–${fmt(max)} ${unit}`;
  if (max != null) return `at most ${amount(max, unit)}`;
  return `at least ${amount(min ?? 0, unit)}`;
}

/** The sentence a chart shows: "sodium 820 mg, target 500–1000 mg: slack: 320 above min, 180 below max". */
export function describe(nutrient, total) {
  const [min, max] = [canonical(total.min), canonical(total.max)];
  const {state, words} = closeness(total.amount, min, max);
  return {state, text: `${nutrient} ${amount(total.amount, total.unit)}, target ${range(min, max, total.unit)}: ${words}`};
}

/** A round axis end a little past the largest value shown. */
function axisEnd(values) {
  const largest = Math.max(...values.filter((value) => value != null && Number.isFinite(value)), 0);
  if (largest <= 0) return 1;
  const padded = largest * 1.12;
  const step = 10 ** Math.floor(Math.log10(padded)) / 2;
  return Math.ceil(padded / step) * step;
}

/**
 * A figure with the chart and its caption, for one nutrient's total ({amount, unit, min, max}); `before` is the
 * previous plan's total of the same nutrient, or null. The chart is drawn once the figure is in the page.
 */
export function bandFigure(nutrient, total, before) {
  const {state, text} = describe(nutrient, total);
  const canvas = el('canvas', {role: 'img', 'aria-label': text + (before != null ? `; before the change ${amount(before, total.unit)}` : '')});
  const figure = el('figure', {class: `band band-${state}`, 'data-nutrient': nutrient, 'data-state': state},
    el('figcaption', {}, text, before != null ? el('span', {class: 'before-note'}, ` (before: ${amount(before, total.unit)})`) : null),
    el('div', {class: 'chart-box'}, canvas));
  figure.draw = () => draw(canvas, total, before, state);
  return figure;
}

function draw(canvas, total, before, state) {
  const [min, max] = [canonical(total.min), canonical(total.max)];
  const end = axisEnd([total.amount, min, max, before]);
  const datasets = [
    {label: 'target', data: [[min ?? 0, max ?? end]], backgroundColor: COLOURS.band, borderColor: COLOURS.bandEdge,
      borderWidth: 1, borderSkipped: false, barPercentage: 1, categoryPercentage: 1, grouped: false, order: 3},
    {label: 'this plan', data: [[0, total.amount]], backgroundColor: COLOURS[state], barPercentage: 0.42,
      categoryPercentage: 1, grouped: false, order: 1},
  ];
  if (before != null) {
    datasets.push({label: 'before', data: [[0, before]], backgroundColor: COLOURS.before, barPercentage: 0.14,
      categoryPercentage: 1, grouped: false, order: 0});
  }
  // Chart.js is loaded by a classic script before the modules (index.html).
  return new window.Chart(canvas, {
    type: 'bar',
    data: {labels: [''], datasets},
    options: {
      indexAxis: 'y', animation: false, responsive: true, maintainAspectRatio: false,
      plugins: {
        legend: {display: false},
        tooltip: {callbacks: {label: (item) => `${item.dataset.label}: ${item.raw.map((v) => amount(v, total.unit)).join(' – ')}`}},
      },
      scales: {x: {min: 0, max: end, ticks: {maxTicksLimit: 6}}, y: {display: false}},
    },
  });
}

/** Draws every chart of the figures now in the container. */
export function drawCharts(container) {
  container.querySelectorAll('figure.band').forEach((figure) => figure.draw?.());
}

/** Frees the charts in a container before its content is replaced. */
export function destroyCharts(container) {
  container.querySelectorAll('canvas').forEach((canvas) => window.Chart.getChart(canvas)?.destroy());
}
