/**
 * The purge mu-plugin (wordpress/mu-plugins/newsreader-purge.php) in a real WordPress:
 * publishing, editing, moving to another category and trashing a post through WordPress's own
 * functions each call the hook once, signed with the secret, with the keys of every page
 * that shows the post. A small receiver stands in for the server here; the server's
 * side is test/varnish/purge.varnish.ts, and both together are `npm run bench:freshness`.
 */
import { execFile } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../server/observability.ts';
import { createWordPressPoller } from '../../server/poller.ts';
import { startWordPress, type WordPress } from './wordpress.ts';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const PLUGIN = path.resolve(HERE, '../../wordpress/mu-plugins/newsreader-purge.php');
const SECRET = 'plugin-test-secret';
const run = promisify(execFile);

interface Call {
  keys: string[];
  signed: boolean;
}
const calls: Call[] = [];
let receiver: Server;
let wordpress: WordPress;

beforeAll(async () => {
  receiver = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString()));
    request.on('end', () => {
      const timestamp = String(request.headers['x-newsreader-timestamp']);
      const expected = `sha256=${createHmac('sha256', SECRET).update(`${timestamp}.${body}`).digest('hex')}`;
      calls.push({
        keys: (JSON.parse(body) as { keys: string[] }).keys,
        signed: request.headers['x-newsreader-signature'] === expected,
      });
      response.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  const port = (receiver.address() as AddressInfo).port;
  wordpress = await startWordPress({
    muPlugins: [PLUGIN],
    env: { NEWSREADER_HOOK_URL: `http://127.0.0.1:${port}/hooks/content-changed`, NEWSREADER_HOOK_SECRET: SECRET },
  });
});
afterAll(async () => {
  await wordpress?.stop();
  await new Promise((resolve) => receiver?.close(resolve));
});

async function edit(...command: string[]): Promise<{ id: number; slug: string }> {
  calls.length = 0;
  const { stdout } = await run('php', [path.join(HERE, 'edit-post.php'), ...command], {
    env: { ...process.env, ...wordpress.phpEnv },
  });
  return JSON.parse(stdout.trim().split('\n').at(-1)!) as { id: number; slug: string };
}

describe('the purge mu-plugin', () => {
  it('calls the hook once per change, signed, with the keys of every page that shows the post', async () => {
    const created = await edit('create', 'Purge plugin test story');
    expect(calls).toHaveLength(1);
    expect(calls[0]!.signed).toBe(true);
    expect(calls[0]!.keys).toEqual(
      expect.arrayContaining([`story:${created.slug}`, 'feed:latest', 'sector:technology', 'edition:technology']),
    );

    await edit('title', String(created.id), 'Purge plugin test story, corrected');
    expect(calls).toHaveLength(1);
    expect(calls[0]!.signed).toBe(true);
    // A live post's new headline: its own key reaches every list that shows its card.
    expect(calls[0]!.keys).toEqual([`story:${created.slug}`]);

    await edit('category', String(created.id), 'health');
    expect(calls).toHaveLength(1);
    // Moved: the lists it left and the lists it joined.
    expect(calls[0]!.keys).toEqual(
      expect.arrayContaining([`story:${created.slug}`, 'sector:technology', 'sector:health']),
    );

    await edit('trash', String(created.id));
    expect(calls).toHaveLength(1);
    expect(calls[0]!.keys).toEqual(expect.arrayContaining([`story:${created.slug}`, 'feed:latest', 'sector:health']));
    expect(calls[0]!.keys.some((key) => key.includes('__trashed'))).toBe(false);
  });

  it('is stood in for by the poller where no plugin can be installed', async () => {
    const purged: string[][] = [];
    const poller = createWordPressPoller({
      wordpressUrl: wordpress.url,
      intervalMs: 1000,
      logger: createLogger('silent'),
      purge: async (keys) => void purged.push(keys),
    });
    expect(await poller.poll()).toEqual([]);
    const created = await edit('create', 'Poller test story');
    expect(await poller.poll()).toEqual(
      expect.arrayContaining([`story:${created.slug}`, 'feed:latest', 'sector:technology']),
    );
    // Likely in the same second as the publish: WordPress keeps modified times to the second.
    await edit('title', String(created.id), 'Poller test story, corrected');
    expect(await poller.poll()).toEqual(expect.arrayContaining([`story:${created.slug}`]));
    await edit('trash', String(created.id));
    expect(await poller.poll()).toEqual(expect.arrayContaining([`story:${created.slug}`, 'feed:latest']));
    expect(await poller.poll()).toEqual([]);
    expect(purged).toHaveLength(3);
  });
});
