// editor.js - the playground's code editor: CodeMirror 6 with Python
// highlighting, line numbers (basicSetup), Tab indentation, and two kinds
// of line marks: the error line of a failed run (with its message below
// it) and a highlighted line (a conflict site clicked in the STM panel).
//
// Invariants: marks follow their lines while the text is edited; any edit
// clears the error mark (it described the old text); at most one error
// line and one highlighted line exist at a time.

import { EditorView, basicSetup } from 'codemirror';
import { python } from '@codemirror/lang-python';
import { EditorState, StateEffect, StateField } from '@codemirror/state';
import { Decoration, WidgetType, keymap } from '@codemirror/view';
import { indentWithTab } from '@codemirror/commands';

const setError = StateEffect.define();      // {line, message} | null
const setHighlight = StateEffect.define();  // line | null

class MessageWidget extends WidgetType {
  constructor(message) {
    super();
    this.message = message;
  }

  eq(other) {
    return other.message === this.message;
  }

  toDOM() {
    const div = document.createElement('div');
    div.className = 'cm-txpy-error-message';
    div.textContent = this.message;
    return div;
  }
}

function lineMarks(state, error, highlight) {
  const ranges = [];
  const doc = state.doc;
  if (highlight !== null && highlight >= 1 && highlight <= doc.lines) {
    ranges.push(Decoration.line({ class: 'cm-txpy-highlight' }).range(doc.line(highlight).from));
  }
  if (error !== null && error.line >= 1 && error.line <= doc.lines) {
    const line = doc.line(error.line);
    ranges.push(Decoration.line({ class: 'cm-txpy-error', attributes: { 'data-line': String(error.line) } }).range(line.from));
    if (error.message) {
      ranges.push(Decoration.widget({ widget: new MessageWidget(error.message), block: true, side: 1 }).range(line.to));
    }
  }
  return Decoration.set(ranges, true);
}

// {error, highlight, deco}: the marks' lines and their decorations.
const marks = StateField.define({
  create: () => ({ error: null, highlight: null, deco: Decoration.none }),
  update(value, tr) {
    let { error, highlight } = value;
    let changed = false;
    if (tr.docChanged && error !== null) {
      error = null;
      changed = true;
    }
    if (tr.docChanged && highlight !== null) {
      const pos = tr.changes.mapPos(tr.startState.doc.line(highlight).from);
      highlight = tr.state.doc.lineAt(pos).number;
      changed = true;
    }
    for (const effect of tr.effects) {
      if (effect.is(setError)) error = effect.value;
      else if (effect.is(setHighlight)) highlight = effect.value;
      else continue;
      changed = true;
    }
    if (!changed) return value;
    return { error, highlight, deco: lineMarks(tr.state, error, highlight) };
  },
  provide: (field) => EditorView.decorations.from(field, (value) => value.deco),
});

const theme = EditorView.theme({
  '&': { height: '100%', fontSize: '13px' },
  '.cm-scroller': { fontFamily: 'var(--mono)' },
  '.cm-txpy-error': { backgroundColor: 'var(--error-bg)' },
  '.cm-txpy-highlight': { backgroundColor: 'var(--highlight-bg)' },
  '.cm-txpy-error-message': {
    color: 'var(--error)', fontFamily: 'var(--mono)', padding: '2px 8px',
    borderLeft: '3px solid var(--error)', backgroundColor: 'var(--error-bg)',
  },
});

// A new editor in `parent`; onChange() after every edit, onRun() on
// Ctrl/Cmd-Enter.
export function createEditor(parent, { onChange, onRun }) {
  const view = new EditorView({
    parent,
    state: EditorState.create({
      doc: '',
      extensions: [
        keymap.of([{ key: 'Mod-Enter', run: () => { onRun(); return true; } }, indentWithTab]),
        basicSetup,
        python(),
        marks,
        theme,
        EditorView.updateListener.of((update) => {
          if (update.docChanged) onChange();
        }),
      ],
    }),
  });

  function scrollTo(line) {
    const pos = view.state.doc.line(Math.min(Math.max(line, 1), view.state.doc.lines)).from;
    view.dispatch({ effects: EditorView.scrollIntoView(pos, { y: 'center' }) });
  }

  return {
    view,
    getText: () => view.state.doc.toString(),
    setText(text) {
      view.dispatch({
        changes: { from: 0, to: view.state.doc.length, insert: text },
        effects: [setError.of(null), setHighlight.of(null)],
      });
    },
    // Mark `line` (1-based) as the error line, `message` shown below it.
    markError(line, message) {
      if (line < 1 || line > view.state.doc.lines) return;
      view.dispatch({ effects: setError.of({ line, message }) });
      scrollTo(line);
    },
    clearError() {
      view.dispatch({ effects: setError.of(null) });
    },
    errorLine: () => (view.state.field(marks).error || { line: null }).line,
    // Highlight `line`, scroll to it and put the cursor there.
    highlight(line) {
      if (line < 1 || line > view.state.doc.lines) return;
      view.dispatch({ effects: setHighlight.of(line), selection: { anchor: view.state.doc.line(line).from } });
      scrollTo(line);
      view.focus();
    },
    highlightedLine: () => view.state.field(marks).highlight,
  };
}
