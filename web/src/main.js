// main.js - the playground page: editor, examples, worker count, Run and
// Stop, streamed output, error marking, the comparison and STM panels,
// shared links, and window.playground for automation.
//
// window.playground:
//   ready                 promise of {ms, kind} once an engine is ready
//                         (rejects with the reason when none can be had)
//   examples              the example ids
//   loadExample(id)       put an example in the editor
//   setSource(text), getSource()
//   setWorkers(n), getWorkers()
//   run()                 -> {stdout, stderr, exitCode, ms, stats,
//                             exception, cancelled}
//   stop()                end the current run (txpy or JS)
//   runJs({threads})      the current example's JavaScript twin ->
//                         {stdout, ms, threads}
//   compare()             the comparison panel's runs -> its rows
//   shareUrl()            the link to the current program
//   errorLine(), highlightedLine()   the editor's marks (null if none)
//
// Invariants: the page's thread does no heavy work: txpy runs in its own
// workers (engine.js), the twins in js-worker.js, and output reaches the
// DOM at most once per animation frame; one run (txpy or JS) at a time:
// the buttons say which actions are possible; the URL fragment always
// describes the program in the editor and the worker count.

import { EXAMPLES, exampleById } from './examples.js';
import { createEditor } from './editor.js';
import { HWC, PROGRAM_NAME, engineStarting } from './boot.js';
import { runJs as runTwinJs, stopJs } from './jsrunner.js';
import { decodeHash, encodeHash } from './share.js';
import { drawBars, drawTimeline } from './charts.js';

const $ = (id) => document.getElementById(id);

const state = {
  engine: null,
  engineError: null,
  example: null,         // id of the example in the editor, null once edited
  busy: null,            // 'txpy' | 'js' | 'compare' while something runs
  settingText: false,    // the editor change comes from us, not the user
};

// ---- output: appended once per frame ----
//
// The pane shows the last SCREEN_CHARS characters of the output (a run's
// result keeps all of it).  Each frame appends at most FRAME_CHARS; what
// arrives faster waits for the next frames, and what could never be shown
// is dropped at once, so a flood of output costs the page a bounded amount
// of layout per frame (laying out FRAME_CHARS characters stays far below
// the 100 ms of a long task, even on a loaded machine).  The pane holds
// blocks ("chunks") of about CHUNK_CHARS characters, split only after a
// newline, each with one span per run of a stream: an append lays out the
// last chunk only.  The pane keeps itself scrolled to the end without
// script (style.css: a column-reverse scroller), so no frame forces a
// layout.  settled() waits for the queue to be on screen, frame by frame.

const SCREEN_CHARS = 60000;
const FRAME_CHARS = 6000;
const CHUNK_CHARS = 2048;

const output = {
  queue: [],             // [fd, text] not yet on screen
  queued: 0,             // their characters
  shown: 0,              // characters on screen
  dropped: false,        // output was dropped since the last frame
  scheduled: false,
  waiters: [],           // settled() promises' resolves
  write(fd, text) {
    if (!text) return;
    this.queue.push([fd, text]);
    this.queued += text.length;
    // What newer output would push off the screen anyway goes at once
    // (from a line start where one is near).
    let excess = this.queued - SCREEN_CHARS;
    while (excess > 0) {
      const first = this.queue[0];
      let cut = first[1].length;
      if (cut > excess) {
        const nl = first[1].indexOf('\n', excess);
        cut = nl >= 0 && nl + 1 < first[1].length ? nl + 1 : excess;
        first[1] = first[1].slice(cut);
      } else {
        this.queue.shift();
      }
      this.queued -= cut;
      excess -= cut;
      this.dropped = true;
    }
    if (!this.scheduled) {
      this.scheduled = true;
      requestAnimationFrame(() => this.flush(FRAME_CHARS));
    }
  },
  append(fd, text) {
    const pre = $('output-text');
    let chunk = pre.lastChild;
    if (!chunk || chunk.dataset.size >= CHUNK_CHARS) {
      chunk = document.createElement('div');
      chunk.className = 'chunk';
      chunk.dataset.size = 0;
      pre.appendChild(chunk);
    }
    let span = chunk.lastChild;
    if (!span || span.dataset.fd !== String(fd)) {
      span = document.createElement('span');
      span.dataset.fd = String(fd);
      if (fd === 2) span.className = 'stderr';
      else if (fd === 3) span.className = 'note';
      chunk.appendChild(span);
    }
    span.appendChild(document.createTextNode(text));
    chunk.dataset.size = Number(chunk.dataset.size) + text.length;
    this.shown += text.length;
  },
  // Put up to `budget` queued characters on screen (Infinity: all).
  flush(budget) {
    this.scheduled = false;
    const pre = $('output-text');
    if (this.dropped) {
      this.dropped = false;
      pre.textContent = '';
      this.shown = 0;
      this.append(3, '[earlier output not shown]\n');
    }
    while (budget > 0 && this.queue.length) {
      const [fd, whole] = this.queue[0];
      const text = whole.length > budget ? whole.slice(0, budget) : whole;
      if (text.length < whole.length) this.queue[0][1] = whole.slice(text.length);
      else this.queue.shift();
      this.queued -= text.length;
      budget -= text.length;
      // Chunk-sized pieces cut after a newline; a piece that does not end
      // a line stays in one chunk with what follows it.
      let start = 0;
      while (text.length - start > CHUNK_CHARS) {
        const cut = text.indexOf('\n', start + CHUNK_CHARS);
        if (cut < 0) break;
        this.append(fd, text.slice(start, cut + 1));
        start = cut + 1;
      }
      if (start < text.length) this.append(fd, text.slice(start));
    }
    while (this.shown > SCREEN_CHARS && pre.firstChild !== pre.lastChild) {
      this.shown -= Number(pre.firstChild.dataset.size);
      pre.removeChild(pre.firstChild);
    }
    if (this.queue.length && !this.scheduled) {
      this.scheduled = true;
      requestAnimationFrame(() => this.flush(FRAME_CHARS));
    }
    if (!this.queue.length) this.wake();
  },
  // Resolves once everything written so far is on screen.  A hidden page
  // draws no frames (and needs no layout): it gets the rest at once.
  settled() {
    if (document.hidden) this.flush(Infinity);
    if (!this.queue.length) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push(resolve));
  },
  wake() {
    const waiters = this.waiters;
    this.waiters = [];
    for (const resolve of waiters) resolve();
  },
  clear() {
    this.queue = [];
    this.queued = 0;
    this.shown = 0;
    this.dropped = false;
    $('output-text').textContent = '';
    this.wake();
  },
};

// ---- status line, buttons ----

function setStatus(text, kind = '') {
  const el = $('status');
  el.textContent = text;
  el.className = `status ${kind}`;
}

function currentTwin() {
  const ex = state.example && exampleById(state.example);
  return ex ? ex.twin : null;
}

function updateButtons() {
  const idle = state.busy === null;
  $('run').disabled = !idle || !state.engine;
  $('compare').disabled = !idle || !state.engine;
  $('runjs').disabled = !idle || !currentTwin();
  $('stop').disabled = idle;
  $('example').disabled = !idle;
  $('workers').disabled = !idle;
}

function selectedWorkers() {
  return Number($('workers').value) || 1;
}

function fillWorkers(max) {
  const select = $('workers');
  const keep = Number(select.value) || max;
  select.textContent = '';
  for (let n = 1; n <= max; n++) select.add(new Option(String(n), String(n)));
  select.value = String(Math.min(keep, max));
}

// ---- the program in the URL ----

let hashTimer = 0;

async function writeHash() {
  const hash = await encodeHash({ example: state.example, source: editor.getText(), workers: selectedWorkers() });
  if (hash !== location.hash) history.replaceState(null, '', hash);
  return hash;
}

function scheduleHash() {
  clearTimeout(hashTimer);
  hashTimer = setTimeout(writeHash, 300);
}

async function readHash() {
  const info = await decodeHash(location.hash);
  if (info.workers) setWorkers(info.workers);
  if (info.source !== undefined) {
    setSource(info.source);
  } else {
    loadExample(info.example && exampleById(info.example) ? info.example : EXAMPLES[0].id);
  }
}

// ---- editor and examples ----

const editor = createEditor($('editor'), {
  onChange() {
    if (!state.settingText && state.example !== null) {
      state.example = null;
      $('example').value = '';
      updateButtons();
    }
    scheduleHash();
  },
  onRun() {
    if (!$('run').disabled) run();
  },
});

function setText(text) {
  state.settingText = true;
  editor.setText(text);
  state.settingText = false;
}

function loadExample(id) {
  const ex = exampleById(id);
  if (!ex) throw new Error(`unknown example ${id}`);
  setText(ex.source);
  state.example = id;
  $('example').value = id;
  updateButtons();
  scheduleHash();
}

function setSource(text) {
  const match = EXAMPLES.find((e) => e.source === text);
  if (match) {
    loadExample(match.id);
    return;
  }
  setText(String(text));
  state.example = null;
  $('example').value = '';
  updateButtons();
  scheduleHash();
}

function setWorkers(n) {
  const max = $('workers').options.length;
  $('workers').value = String(Math.min(Math.max(1, Math.floor(Number(n)) || 1), max));
  scheduleHash();
}

// ---- one txpy run ----

// The line of the program where the error is: the last frame of
// main.py in the traceback (SyntaxError included).
function errorLineOf(text) {
  const re = new RegExp(`File "${PROGRAM_NAME.replace('.', '\\.')}", line (\\d+)`, 'g');
  let line = null;
  for (const m of text.matchAll(re)) line = Number(m[1]);
  return line;
}

function showError(result, stderr) {
  const banner = $('error');
  const exc = result.exception;
  let summary = null;
  if (exc && exc.type === 'EngineError') {
    summary = exc.message;
  } else if (exc) {
    summary = exc.message ? `${exc.type}: ${exc.message}` : exc.type;
  } else if (result.exitCode !== 0) {
    const lines = stderr.trim().split('\n');
    summary = lines[lines.length - 1] || `exit status ${result.exitCode}`;
  }
  if (summary === null) {
    banner.hidden = true;
    return;
  }
  banner.textContent = `${result.exitCode === null ? 'txpy failed' : 'The program failed'}: ${summary}`;
  banner.hidden = false;
  const line = errorLineOf((exc && exc.traceback) || '') || errorLineOf(stderr);
  if (line !== null) editor.markError(line, summary);
}

async function runTxpy(workers) {
  output.clear();
  $('error').hidden = true;
  editor.clearError();
  const source = editor.getText();
  setStatus(`Running on ${workers} worker${workers > 1 ? 's' : ''}\u2026`, 'busy');
  let stdout = '';
  let stderr = '';
  const result = await state.engine.run(source, {
    workers,
    stdout: (text) => { stdout += text; output.write(1, text); },
    stderr: (text) => { stderr += text; output.write(2, text); },
  });
  await output.settled();
  const ms = Math.round(result.ms);
  if (result.cancelled) {
    output.write(3, '\n[stopped]\n');
    setStatus(`Stopped after ${ms} ms.`, 'warn');
  } else {
    showError(result, stderr);
    const how = result.exitCode === 0 ? 'Done' : result.exitCode === null ? 'Failed' : `Exit status ${result.exitCode}`;
    setStatus(`${how} in ${ms} ms on ${workers} worker${workers > 1 ? 's' : ''}.`, result.exitCode === 0 ? 'ok' : 'bad');
  }
  $('run-info').textContent = `${ms} ms \u00b7 ${workers} worker${workers > 1 ? 's' : ''}`;
  if (result.stats) showStats(result.stats, workers);
  return { stdout, stderr, exitCode: result.exitCode, ms: result.ms, stats: result.stats, exception: result.exception, cancelled: result.cancelled };
}

async function exclusive(kind, fn) {
  if (state.busy !== null) throw new Error(`busy: a ${state.busy} run is going`);
  state.busy = kind;
  updateButtons();
  try {
    return await fn();
  } finally {
    state.busy = null;
    updateButtons();
  }
}

function run() {
  if (!state.engine) return Promise.reject(new Error(state.engineError || 'txpy is not ready'));
  writeHash();
  return exclusive('txpy', () => runTxpy(selectedWorkers()));
}

function stop() {
  if (state.busy === 'js' || state.busy === 'compare') stopJs();
  if (state.engine) state.engine.stop();
}

// ---- the JavaScript twin ----

async function runJsTwin(threads) {
  const twin = currentTwin();
  if (!twin) throw new Error('the program in the editor is not an unchanged example: it has no JavaScript twin');
  return runTwinJs(state.example, twin, threads);
}

function runJs({ threads = 1 } = {}) {
  return exclusive('js', async () => {
    output.clear();
    $('error').hidden = true;
    setStatus(`Running the JavaScript twin on ${threads} thread${threads > 1 ? 's' : ''}\u2026`, 'busy');
    try {
      const r = await runTwinJs(state.example, currentTwin(), threads);
      output.write(1, r.output);
      setStatus(`JavaScript twin: ${Math.round(r.ms)} ms on ${r.threads} worker${r.threads > 1 ? 's' : ''}.`, 'ok');
      $('run-info').textContent = `JS \u00b7 ${Math.round(r.ms)} ms \u00b7 ${r.threads} thread${r.threads > 1 ? 's' : ''}`;
      return { stdout: r.output, ms: r.ms, threads: r.threads };
    } catch (err) {
      setStatus(`JavaScript twin: ${err.message}`, 'bad');
      throw err;
    }
  });
}

// ---- comparison ----

function fmtRatio(x) {
  return `${x.toFixed(2)}\u00d7`;
}

function compareN() {
  const max = state.engine ? state.engine.maxWorkers : 1;
  const chosen = selectedWorkers();
  return chosen > 1 ? chosen : Math.max(1, max);
}

function renderCompare(rows) {
  const table = $('compare-table');
  const body = table.querySelector('tbody');
  body.textContent = '';
  const reference = rows.find((r) => r.output !== null);
  for (const row of rows) {
    const tr = document.createElement('tr');
    const same = row.output === null ? '\u2014' : row.output === reference.output ? 'same' : 'DIFFERENT';
    for (const text of [row.label, row.ms === null ? 'n/a' : `${Math.round(row.ms)} ms`, row.speedup ? fmtRatio(row.speedup) : '', same]) {
      const td = document.createElement('td');
      td.textContent = text;
      if (text === 'DIFFERENT') td.className = 'bad';
      tr.appendChild(td);
    }
    body.appendChild(tr);
  }
  table.hidden = false;
  drawBars($('bars'), rows);
}

async function compare() {
  if (!state.engine) throw new Error(state.engineError || 'txpy is not ready');
  return exclusive('compare', async () => {
    const n = compareN();
    const twin = currentTwin();
    const rows = [];
    const note = (text) => { $('compare-summary').textContent = text; };
    note('Running\u2026');
    const t1 = await runTxpy(1);
    rows.push({ label: 'txpy, 1 worker', ms: t1.ms, kind: 'txpy', output: t1.stdout, ok: t1.exitCode === 0 });
    renderCompare(rows);
    if (n > 1 && t1.exitCode === 0) {
      const tn = await runTxpy(n);
      rows.push({ label: `txpy, ${n} workers`, ms: tn.ms, kind: 'txpy', output: tn.stdout, ok: tn.exitCode === 0, speedup: t1.ms / tn.ms });
      renderCompare(rows);
    }
    if (twin && t1.exitCode === 0) {
      setStatus('Running the JavaScript twin\u2026', 'busy');
      const j1 = await runJsTwin(1);
      rows.push({ label: 'JavaScript, 1 thread', ms: j1.ms, kind: 'js', output: j1.output });
      renderCompare(rows);
      if (n > 1 && twin.split) {
        const jn = await runJsTwin(n);
        rows.push({ label: `JavaScript, ${n} workers`, ms: jn.ms, kind: 'js', output: jn.output, speedup: j1.ms / jn.ms });
        renderCompare(rows);
      }
      setStatus('Comparison done.', 'ok');
    }
    const parts = [];
    const tn = rows.find((r) => r.kind === 'txpy' && r.speedup);
    if (tn) parts.push(`txpy on ${n} workers: ${fmtRatio(tn.speedup)} the speed of 1 worker`);
    const j1 = rows.find((r) => r.label === 'JavaScript, 1 thread');
    if (j1) parts.push(`JavaScript on one thread: ${fmtRatio(t1.ms / j1.ms)} faster than txpy on 1 worker`);
    if (!twin) parts.push('no JavaScript twin for an edited program');
    if (rows.some((r) => r.output !== null && r.output !== rows[0].output)) parts.push('OUTPUTS DIFFER');
    note(parts.join('; ') + '.');
    return rows.map(({ label, ms, kind, speedup, output: out }) => ({ label, ms, kind, speedup: speedup || null, output: out }));
  });
}

// ---- STM panel ----

function showStats(stats, workers) {
  const dl = $('stm-figures');
  dl.textContent = '';
  const total = stats.committed + stats.aborted;
  const figures = [
    ['committed', String(stats.committed)],
    ['aborted', `${stats.aborted}${total ? ` (${(100 * stats.aborted / total).toFixed(1)}% of attempts)` : ''}`],
    ['inevitable', String(stats.inevitable)],
    ['time in committed transactions', `${(stats.secondsCommitted * 1000).toFixed(0)} ms`],
    ['time lost in aborts', `${(stats.secondsAborted * 1000).toFixed(0)} ms`],
  ];
  if (stats.secondsWaiting !== undefined) figures.push(['time waiting for the commit turn', `${(stats.secondsWaiting * 1000).toFixed(0)} ms`]);
  for (const [k, v] of figures) {
    const dt = document.createElement('dt');
    dt.textContent = k;
    const dd = document.createElement('dd');
    dd.textContent = v;
    dl.append(dt, dd);
  }
  $('stm-hint').textContent = workers > 1
    ? `Figures of the last txpy run (${workers} workers).`
    : 'Figures of the last txpy run. With 1 worker nothing runs concurrently, so there is nothing to count: choose more workers.';

  const list = $('conflicts');
  list.textContent = '';
  const conflicts = stats.conflicts || [];
  if (conflicts.length === 0) {
    const li = document.createElement('li');
    li.className = 'muted';
    li.textContent = 'no conflicts';
    list.appendChild(li);
  }
  const siteLink = (site) => {
    if (site.file === PROGRAM_NAME && site.line !== null) {
      const a = document.createElement('a');
      a.href = '#';
      a.className = 'line-link';
      a.dataset.line = String(site.line);
      a.textContent = `line ${site.line}`;
      a.addEventListener('click', (event) => {
        event.preventDefault();
        editor.highlight(site.line);
      });
      return a;
    }
    return document.createTextNode(site.file ? `${site.file}:${site.line ?? '?'}` : '?');
  };
  for (const c of conflicts) {
    const li = document.createElement('li');
    li.append(`\u00d7${c.count}: read at `, siteLink(c.read), ', written at ', siteLink(c.write), ` (${c.type} object)`);
    list.appendChild(li);
  }

  const canvas = $('timeline');
  if (stats.events && stats.events.length) {
    canvas.hidden = false;
    drawTimeline(canvas, stats.events);
    $('timeline-note').textContent = `Each bar is one attempt: green committed, red aborted.${stats.eventsDropped ? ` (${stats.eventsDropped} early attempts not recorded.)` : ''}`;
  } else {
    canvas.hidden = true;
    $('timeline-note').textContent = stats.events
      ? 'No transaction ran concurrently in this run.'
      : 'This txpy build does not report per-transaction events yet, so there is no timeline.';
  }
}

// ---- start-up ----

async function shareLink() {
  const hash = await writeHash();
  const url = location.href.replace(/#.*$/, '') + hash;
  try {
    await navigator.clipboard.writeText(url);
    setStatus('Link copied to the clipboard.', 'ok');
  } catch {
    setStatus(`Link: ${url}`, 'ok');
  }
  return url;
}

function wireControls() {
  const exampleSelect = $('example');
  exampleSelect.add(new Option('\u2014 your program \u2014', ''));
  exampleSelect.options[0].disabled = true;
  for (const ex of EXAMPLES) exampleSelect.add(new Option(ex.title, ex.id));
  exampleSelect.addEventListener('change', () => {
    if (exampleSelect.value) loadExample(exampleSelect.value);
  });
  $('workers').addEventListener('change', scheduleHash);
  $('run').addEventListener('click', () => run().catch((err) => setStatus(err.message, 'bad')));
  $('stop').addEventListener('click', stop);
  $('runjs').addEventListener('click', () => runJs({ threads: selectedWorkers() }).catch(() => {}));
  $('compare').addEventListener('click', () => compare().catch((err) => setStatus(err.message, 'bad')));
  $('share').addEventListener('click', () => shareLink());
  window.addEventListener('hashchange', async () => {
    const hash = await encodeHash({ example: state.example, source: editor.getText(), workers: selectedWorkers() });
    if (hash !== location.hash) readHash();
  });
}

async function start(engineReady) {
  fillWorkers(HWC);
  wireControls();
  await readHash();
  setStatus('Starting txpy\u2026', 'busy');
  try {
    const { engine, fallbackReason } = await engineReady;
    state.engine = engine;
    const ms = Math.round(performance.now());
    if (fallbackReason) {
      fillWorkers(1);
      const notice = $('notice');
      notice.textContent = `Running on one worker only: ${fallbackReason}. This page uses txpy's single-threaded WebAssembly build instead, so programs still run, one transaction after another.`;
      notice.hidden = false;
    }
    setStatus(`Ready in ${ms} ms \u00b7 ${engine.kind === 'stm' ? `txpy, up to ${engine.maxWorkers} workers` : 'txpy, one worker (fallback)'}.`, 'ok');
    updateButtons();
    return { ms, kind: engine.kind };
  } catch (err) {
    state.engineError = err.message;
    const notice = $('notice');
    notice.textContent = err.message;
    notice.hidden = false;
    setStatus('txpy is not available: see the message above. The JavaScript twins still run.', 'bad');
    updateButtons();
    throw err;
  }
}

const ready = start(engineStarting);
ready.catch(() => {});

window.playground = {
  ready,
  examples: EXAMPLES.map((e) => e.id),
  loadExample,
  setSource,
  getSource: () => editor.getText(),
  setWorkers,
  getWorkers: selectedWorkers,
  run,
  stop,
  runJs,
  compare,
  shareUrl: async () => location.href.replace(/#.*$/, '') + await writeHash(),
  errorLine: () => editor.errorLine(),
  highlightedLine: () => editor.highlightedLine(),
};
