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
 *
 * The entry then imports the rest of the app's code in steps (src/browser/main.tsx). The
 * chunks those steps need are listed in <meta name="app-code" content="/assets/a.js …">,
 * so the entry can start downloading all of them at once before the first step.
 */
import { readFileSync } from 'node:fs';
import type { Plugin, Rollup } from 'vite';

export const THEME_INIT_FILE = new URL('../public/theme-init.js', import.meta.url);

interface ModuleImports {
  importedIds: readonly string[];
  dynamicallyImportedIds: readonly string[];
}

/**
 * The chunks that the entry modules' own dynamic imports need, with their static
 * imports, by file name: not those of modules bundled with the entry, such as the
 * mock API's, nor the chunks loaded with the entry already.
 */
function chunksForEntryImports(bundle: Rollup.OutputBundle, moduleInfo: (id: string) => ModuleImports): string[] {
  const chunks = Object.values(bundle).filter((file) => file.type === 'chunk');
  const entry = chunks.find((chunk) => chunk.isEntry);
  if (!entry?.facadeModuleId) return [];
  const needed = new Set<string>();
  const visit = (fileName: string) => {
    const chunk = bundle[fileName];
    if (needed.has(fileName) || chunk?.type !== 'chunk') return;
    needed.add(fileName);
    chunk.imports.forEach(visit);
  };
  // The entry's facade is index.html, which imports src/browser/main.tsx.
  const entryModules = [entry.facadeModuleId, ...moduleInfo(entry.facadeModuleId).importedIds];
  for (const moduleId of entryModules.flatMap((id) => moduleInfo(id).dynamicallyImportedIds)) {
    const chunk = chunks.find((candidate) => candidate.moduleIds.includes(moduleId));
    if (chunk) visit(chunk.fileName);
  }
  [entry.fileName, ...entry.imports].forEach((fileName) => needed.delete(fileName));
  return [...needed];
}

export function deferEntry(): Plugin {
  let appCode: string[] = [];
  let base = '/';
  return {
    name: 'newsreader:defer-entry',
    apply: 'build',
    configResolved(config) {
      base = config.base;
    },
    generateBundle: {
      // Before Vite writes index.html (its own generateBundle) and while module info is at hand.
      order: 'pre',
      handler(_options, bundle) {
        appCode = chunksForEntryImports(
          bundle,
          (id) => this.getModuleInfo(id) ?? { importedIds: [], dynamicallyImportedIds: [] },
        );
      },
    },
    transformIndexHtml: {
      order: 'post',
      handler(html) {
        const entryTag = /\s*<script type="module" crossorigin src="([^"]+)"><\/script>/.exec(html);
        const themeTag = /<script src="\/theme-init\.js"><\/script>/.exec(html);
        if (!entryTag || !themeTag) throw new Error('deferEntry: index.html has no entry or theme-init script tag');
        const inline = readFileSync(THEME_INIT_FILE, 'utf8');
        const code = appCode.map((fileName) => base + fileName).join(' ');
        return html
          .replace(entryTag[0], '')
          .replace(
            themeTag[0],
            `<meta name="app-entry" content="${entryTag[1]}" />\n    <meta name="app-code" content="${code}" />\n    <script>${inline}</script>`,
          );
      },
    },
  };
}
