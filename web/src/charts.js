// charts.js - the comparison bar chart (SVG) and the per-worker timeline
// of transactions (canvas).
//
// Invariants: drawing never throws on empty or partial data (a missing
// time is drawn as "n/a", an empty event list as a note); both charts
// scale to the largest value shown, so bars and lanes always fit.

const SVG = 'http://www.w3.org/2000/svg';

function svgEl(name, attrs, text) {
  const el = document.createElementNS(SVG, name);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
  if (text !== undefined) el.textContent = text;
  return el;
}

// rows: [{label, ms (number or null), kind: 'txpy' | 'js'}]
export function drawBars(container, rows) {
  container.textContent = '';
  const labelW = 150;
  const valueW = 80;
  const barH = 22;
  const gap = 8;
  const width = 520;
  const height = rows.length * (barH + gap) + gap;
  const max = Math.max(1, ...rows.map((r) => r.ms || 0));
  const svg = svgEl('svg', { viewBox: `0 0 ${width} ${height}`, width: '100%', role: 'img', 'aria-label': 'run times' });
  rows.forEach((row, i) => {
    const y = gap + i * (barH + gap);
    svg.appendChild(svgEl('text', { x: labelW - 8, y: y + barH * 0.7, 'text-anchor': 'end', class: 'bar-label' }, row.label));
    const w = row.ms ? Math.max(2, (width - labelW - valueW) * row.ms / max) : 0;
    svg.appendChild(svgEl('rect', { x: labelW, y, width: w, height: barH, rx: 3, class: `bar bar-${row.kind}` }));
    const value = row.ms === null || row.ms === undefined ? 'n/a' : `${Math.round(row.ms)} ms`;
    svg.appendChild(svgEl('text', { x: labelW + w + 6, y: y + barH * 0.7, class: 'bar-value' }, value));
  });
  container.appendChild(svg);
}

// The lane title of a recorded worker id: 0 is the thread that called
// transaction.run() (or the main program), 1..99 the pool's workers, 100
// and up Python threads.
function laneTitle(id) {
  return id >= 100 ? `thread ${id - 100}` : `worker ${id}`;
}

// events: Float64Array (or array) of [worker, startMs, endMs, flags] per
// attempt; flags bit 0 = committed.  Draws one lane per worker id that
// appears, in id order.
export function drawTimeline(canvas, events) {
  const ctx = canvas.getContext('2d');
  const dpr = window.devicePixelRatio || 1;
  const cssW = canvas.clientWidth || 600;
  const n = Math.floor(events.length / 4);
  const ids = new Set();
  let end = 0;
  for (let i = 0; i < n; i++) {
    ids.add(events[4 * i]);
    end = Math.max(end, events[4 * i + 2]);
  }
  const order = [...ids].sort((a, b) => a - b);
  const laneOf = new Map(order.map((id, lane) => [id, lane]));
  const lanes = Math.max(1, order.length);
  const laneH = 22;
  const left = 70;
  const top = 4;
  const cssH = top + lanes * laneH + 22;
  canvas.style.height = `${cssH}px`;
  canvas.width = Math.round(cssW * dpr);
  canvas.height = Math.round(cssH * dpr);
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  ctx.clearRect(0, 0, cssW, cssH);
  const style = getComputedStyle(canvas);
  ctx.font = `12px ${style.getPropertyValue('--sans') || 'sans-serif'}`;
  ctx.fillStyle = style.color;
  if (n === 0) {
    ctx.fillText('no transactions recorded', left, top + 14);
    return;
  }
  const scale = (cssW - left - 10) / Math.max(end, 1e-3);
  const committed = style.getPropertyValue('--commit').trim() || '#2e8b57';
  const aborted = style.getPropertyValue('--abort').trim() || '#c0392b';
  order.forEach((id, lane) => {
    ctx.fillText(laneTitle(id), 4, top + lane * laneH + 15);
  });
  for (let i = 0; i < n; i++) {
    const lane = laneOf.get(events[4 * i]);
    const x = left + events[4 * i + 1] * scale;
    const w = Math.max(1, (events[4 * i + 2] - events[4 * i + 1]) * scale);
    ctx.fillStyle = events[4 * i + 3] & 1 ? committed : aborted;
    ctx.fillRect(x, top + lane * laneH + 3, w, laneH - 6);
  }
  ctx.fillStyle = style.color;
  const axisY = top + lanes * laneH + 15;
  ctx.fillText('0 ms', left, axisY);
  const label = `${end.toFixed(0)} ms`;
  ctx.fillText(label, cssW - 10 - ctx.measureText(label).width, axisY);
}
