/**
 * Recorded WordPress answers (recorded/wordpress.json, made by record.ts from the
 * real WordPress) served by a fake fetch, so the mapping is tested without WordPress.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export interface Exchange {
  status: number;
  headers: Record<string, string>;
  body: unknown;
}

export interface Recording {
  site: string;
  version: string;
  slugs: Record<string, string>;
  /** Path and query of the upstream request → its answer. */
  exchanges: Record<string, Exchange>;
}

export const RECORDING_FILE = path.join(path.dirname(fileURLToPath(import.meta.url)), 'recorded/wordpress.json');

export function loadRecording(): Recording {
  return JSON.parse(readFileSync(RECORDING_FILE, 'utf8')) as Recording;
}

export function keyOf(url: string): string {
  const parsed = new URL(url);
  return `${parsed.pathname}${parsed.search}`;
}

/** A fetch answering from the recording; an unrecorded request fails loudly (re-record with `node test/wordpress/wordpress.ts record`). */
export function replayFetch(recording: Recording, seen: string[] = []): typeof fetch {
  return async (input) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.toString() : input.url;
    const key = keyOf(url);
    seen.push(key);
    const exchange = recording.exchanges[key];
    if (!exchange) throw new Error(`not recorded: ${key}`);
    return new Response(JSON.stringify(exchange.body), { status: exchange.status, headers: exchange.headers });
  };
}
