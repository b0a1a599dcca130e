/**
 * Production builds: the app's entry module loads after the static shell's
 * first paint instead of from a <script> tag, and the head script that applies the
 * reader's theme (public/theme-init.js) is inlined. Lighthouse counts every script
 * that runs before the first paint, with its request, as render-blocking: each one
 * cost ~250 ms of FCP on the benchmark, though neither is needed to paint the shell.
 *
 * The entry's script tag becomes <meta name="app-entry" content="/assets/index-….js">;
 * theme-init.js reads it and adds the module once the first contentful paint is in.
 * The inlined copy is minified and the page's comments go (the markers stay): a page
 * within TCP's first round trip (14.6 KB) paints a round trip sooner. The CSP allows
 * the inline copy by its hash (THEME_INIT_HASH in test/server/csp.ts).
 */
import { readFileSync } from 'node:fs';
import { minifySync, type Plugin } from 'vite';

/** The theme script as production pages carry it inline. */
export const THEME_INIT_INLINE = minifySync(
  'theme-init.js',
  readFileSync(new URL('../public/theme-init.js', import.meta.url), 'utf8'),
).code.trim();

/** Comments for the template's readers, not the markers the server cuts the page at (server/document.ts). */
const PROSE_COMMENT = /\s*<!--(?!\/?(?:app-head|app-html|static-only)-->)[\s\S]*?-->/g;

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
        return html
          .replace(entryTag[0], '')
          .replace(
            themeTag[0],
            `<meta name="app-entry" content="${entryTag[1]}" />\n    <script>${THEME_INIT_INLINE}</script>`,
          )
          .replace(PROSE_COMMENT, '');
      },
    },
  };
}
