/**
 * Production builds: dist/index.html's #root holds the app shell rendered from the app's
 * own components (src/app/staticShell.tsx), so the page paints before any script runs.
 * The production server cuts its template at the same markers (server/document.ts).
 */
import react from '@vitejs/plugin-react';
import { createServer, type Plugin } from 'vite';

/** The element the app renders into, as index.html has it: the shell goes inside. */
export const ROOT_ELEMENT = '<div id="root"></div>';

export function staticShell(): Plugin {
  let root = process.cwd();
  return {
    name: 'newsreader:static-shell',
    apply: 'build',
    configResolved(config) {
      root = config.root;
    },
    transformIndexHtml: {
      order: 'post',
      async handler(html) {
        if (!html.includes(ROOT_ELEMENT)) throw new Error(`staticShell: index.html has no ${ROOT_ELEMENT}`);
        // The components as the server renders them: loaded through Vite, in Node.
        const server = await createServer({
          root,
          configFile: false,
          logLevel: 'error',
          appType: 'custom',
          server: { middlewareMode: true, hmr: false, ws: false },
          plugins: [react()],
        });
        try {
          const shell = (await server.ssrLoadModule(
            '/src/app/staticShell.tsx',
          )) as typeof import('../src/app/staticShell');
          return html.replace(ROOT_ELEMENT, `<div id="root">${shell.renderStaticShell()}</div>`);
        } finally {
          await server.close();
        }
      },
    },
  };
}
