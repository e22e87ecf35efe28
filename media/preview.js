// The preview page's only script (loaded with a nonce under a strict Content-Security-Policy).
// It swaps in newly rendered HTML, scrolls to the editor's line, and on double-click asks the
// editor to show the line of the block that was clicked. Top-level blocks carry `data-line`
// (0-based line of the block's first line in the document).
/* global acquireVsCodeApi, document, window */
(function () {
  'use strict';
  const vscode = acquireVsCodeApi();
  const content = document.getElementById('synthesis-content');

  /** Blocks with a source line, in document order. */
  function blocks() {
    const list = [];
    for (const el of document.querySelectorAll('[data-line]')) {
      const line = Number(el.getAttribute('data-line'));
      if (Number.isFinite(line)) list.push({ el, line });
    }
    return list;
  }

  function topOf(el) {
    return el.getBoundingClientRect().top + window.scrollY;
  }

  /** Scrolls so that the block holding `line` is at the top, interpolating inside long blocks. */
  function scrollToLine(line) {
    if (line <= 0) {
      window.scrollTo(0, 0);
      return;
    }
    const list = blocks();
    if (list.length === 0) return;
    let previous = list[0];
    let next;
    for (const block of list) {
      if (block.line <= line) previous = block;
      else {
        next = block;
        break;
      }
    }
    let y = topOf(previous.el);
    if (next && line > previous.line) {
      const fraction = (line - previous.line) / (next.line - previous.line);
      y += (topOf(next.el) - y) * fraction;
    }
    window.scrollTo(0, Math.max(0, y - 8));
  }

  window.addEventListener('message', (event) => {
    const message = event.data;
    if (!message || typeof message !== 'object') return;
    if (message.type === 'update' && typeof message.html === 'string' && content) {
      // The HTML is sanitized by the server, and the page's CSP blocks scripts and inline handlers.
      content.innerHTML = message.html;
    } else if (message.type === 'scroll' && typeof message.line === 'number') {
      scrollToLine(message.line);
    }
  });

  document.addEventListener('dblclick', (event) => {
    let el = event.target;
    while (el && el !== document.body && !(el.hasAttribute && el.hasAttribute('data-line'))) el = el.parentElement;
    if (el && el.hasAttribute && el.hasAttribute('data-line')) {
      vscode.postMessage({ type: 'reveal', line: Number(el.getAttribute('data-line')) });
    }
  });

  const initial = Number(document.body.getAttribute('data-initial-line'));
  if (initial > 0) scrollToLine(initial);
  vscode.postMessage({ type: 'loaded' });
})();
