/**
 * Records what WordPress answers to the source's requests for every reader request
 * in scenarios.ts, with the site's address replaced by SITE, into
 * recorded/wordpress.json. Run: `node test/wordpress/wordpress.ts record`.
 */
import { writeFile } from 'node:fs/promises';
import { format, resolveConfig } from 'prettier';
import { createWordPressSource } from '../../server/content/wordpress/index.ts';
import { keyOf, RECORDING_FILE, type Exchange, type Recording } from './replay.ts';
import { readerRequests, SITE, TEST_OPTIONS } from './scenarios.ts';
import type { WordPress } from './wordpress.ts';

const KEPT_HEADERS = ['content-type', 'x-wp-total', 'x-wp-totalpages'];

export async function record(wordpress: WordPress): Promise<void> {
  const exchanges: Record<string, Exchange> = {};
  const recordingFetch: typeof fetch = async (input, init) => {
    const response = await fetch(input, init);
    const text = await response.text();
    const headers: Record<string, string> = {};
    for (const name of KEPT_HEADERS) {
      const value = response.headers.get(name);
      if (value !== null) headers[name] = value;
    }
    const url = typeof input === 'string' ? input : input instanceof URL ? input.toString() : input.url;
    exchanges[keyOf(url)] = {
      status: response.status,
      headers,
      // Parsed first: the raw text escapes the address's slashes (`http:\/\/…`).
      body: JSON.parse(JSON.stringify(JSON.parse(text)).split(wordpress.url).join(SITE)) as unknown,
    };
    return new Response(text, { status: response.status, headers: response.headers });
  };
  const source = createWordPressSource({ url: wordpress.url, fetch: recordingFetch, ...TEST_OPTIONS });
  const requests = readerRequests(wordpress.slugs);
  for (const path of requests) {
    const response = await source(new Request(`http://reader.test${path}`));
    await response.arrayBuffer();
  }
  // The next pages of the paged feeds, following the cursors the first pages gave.
  for (const path of ['/stories?feed=latest&limit=10', '/stories?feed=trending&limit=10']) {
    let next: string | null = path;
    while (next) {
      const response = await source(new Request(`http://reader.test${next}`));
      const page = (await response.json()) as { nextCursor: string | null };
      next = page.nextCursor ? `${path}&cursor=${encodeURIComponent(page.nextCursor)}` : null;
    }
  }
  const recording: Recording = { site: SITE, version: wordpress.version, slugs: wordpress.slugs, exchanges };
  // Formatted as `npm run lint` (prettier --check) wants it.
  const config = await resolveConfig(RECORDING_FILE);
  await writeFile(RECORDING_FILE, await format(JSON.stringify(recording), { ...config, filepath: RECORDING_FILE }));
  console.log(`recorded ${Object.keys(exchanges).length} WordPress answers into ${RECORDING_FILE}`);
}
