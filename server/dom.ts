/**
 * The server's one jsdom window and DOMPurify, made on first use (jsdom is slow to start):
 * for parsing markup, and for sanitizing it (the app's own sanitizer works in this window too).
 */
import createDOMPurify, { type DOMPurify } from 'dompurify';
import { JSDOM } from 'jsdom';

let shared: { window: JSDOM['window']; purify: DOMPurify } | null = null;

export function serverDom() {
  if (!shared) {
    const { window } = new JSDOM('<!doctype html><html><body></body></html>');
    shared = { window, purify: createDOMPurify(window) };
  }
  return shared;
}

/** Parses markup into a detached fragment (scripts never run: jsdom's default). */
export function parseFragment(html: string): DocumentFragment {
  const template = serverDom().window.document.createElement('template');
  template.innerHTML = html;
  return template.content;
}
