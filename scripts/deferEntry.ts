/**
 * Production builds: the app's entry module loads after the static shell's
 * first paint instead of from a <script> tag, and the head script that applies the
 * reader's theme (public/theme-init.js) is inlined. Lighthouse counts every script
 * that runs before the first paint, with its request, as render-blocking: each one
 * cost ~250 ms of FCP on the benchmark, though neither is needed to paint the shell.
 *
 * The entry's script tag becomes <meta name="app-entry" content="/assets/index-….js">;
 * theme-init.js reads it and adds the module once the first contentful paint is in.
 * The inlined script is byte for byte the file, so the CSP can allow it by its hash
 * (THEME_INIT_HASH in test/server/csp.ts).
 */
import { readFileSync } from 'node:fs';
import type { Plugin } from 'vite';

export const THEME_INIT_FILE = new URL('../public/theme-init.js', import.meta.url);

export function deferEntry(): Plugin {
  return {
    name: 'newsreader:defer-entry',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html) {
        const entryTag = /\s*<script type="module" crossorigin src="([^"]+)"><\/script>/.exec(html);
        const themeTag = /<script src="\/theme-init\.js"><\/script>/.exec(html);
        if (!entryTag || !themeTag) throw new Error('deferEntry: index.html has no entry or theme-init script tag');
        const inline = readFileSync(THEME_INIT_FILE, 'utf8');
        return html
          .replace(entryTag[0], '')
          .replace(themeTag[0], `<meta name="app-entry" content="${entryTag[1]}" />\n    <script>${inline}</script>`);
      },
    },
  };
}
