/**
 * Serves the production build by hand: `npm run build && npm run serve:test`.
 *   --api          also serve the content API under /api (the app uses it via /config.json)
 *   --port <n>     port to listen on (default: $PORT or 4180; 0 = any free port)
 *   --host <h>     interface (default 127.0.0.1)
 *   --root <dir>   directory to serve (default dist/)
 * Faults for the API: POST /__faults {"rules":[{"match":"/stories?feed=trending","status":500}]}, DELETE /__faults.
 */
import { parseArgs } from 'node:util';
import { startServer } from './server.ts';

const { values } = parseArgs({
  options: {
    api: { type: 'boolean', default: false },
    port: { type: 'string' },
    host: { type: 'string', default: '127.0.0.1' },
    root: { type: 'string' },
  },
});

const port = Number(values.port ?? process.env.PORT ?? 4180);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`Not a port number: ${values.port ?? process.env.PORT}`);
  process.exit(2);
}

try {
  const server = await startServer({ port, host: values.host, root: values.root, api: values.api });
  console.log(`Serving the production build at ${server.url}/`);
  console.log(
    values.api
      ? `Content API at ${server.url}/api (faults: ${server.url}/__faults)`
      : 'The app uses its built-in mock API.',
  );
  const stop = () => {
    void server.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
