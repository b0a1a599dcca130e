/**
 * Rendered pages, per URL, for a few seconds: a burst of readers on one story costs one
 * render and one upstream request, and concurrent requests for a URL share the render
 * in progress. Bounded by entries and bytes (least recently used out first, lru-cache),
 * with answers other than 200 (unknown addresses) in a smaller pool of their own, so a
 * flood of made-up URLs neither grows memory nor pushes real pages out. A page whose
 * render failed (the API down) can be answered with the last good copy instead. Entries
 * carry their surrogate keys: `purge(keys)` drops every page that shows one of them.
 */
import { LRUCache } from 'lru-cache';

export interface CachedPage {
  status: number;
  body: Buffer;
  /** The same body compressed, once per encoding for every reader (on first use: most readers take brotli). */
  brotli: () => Promise<Buffer>;
  gzip: () => Buffer;
  etag: string;
  renderedAt: number;
  /** Surrogate keys: what the page shows (server/surrogateKeys.ts). */
  keys?: readonly string[];
}

export interface PageCacheOptions {
  /** How long a render is served as is. */
  freshMs: number;
  /** How long a good (200) render may stand in when a new render fails. */
  lastGoodMs: number;
  maxEntries: number;
  maxBytes: number;
  /** At most this many answers other than 200 (default a fifth of maxEntries). */
  maxMissing?: number;
}

/** How a request was answered: `hit` fresh copy, `shared` joined a render in progress, `stale` last good copy. */
export type CacheStatus = 'hit' | 'miss' | 'shared' | 'stale';

export class PageCache {
  private readonly entries: LRUCache<string, CachedPage>;
  private readonly missing: LRUCache<string, CachedPage>;
  private readonly inFlight = new Map<string, { epoch: number; page: Promise<CachedPage> }>();
  /** Bumped by every purge: a render that started before it may show what was purged. */
  private epoch = 0;

  constructor(private readonly options: PageCacheOptions) {
    // Past both its fresh and its last-good time a page is never served: it goes. The
    // compressed copies are a fraction of the body: counted as a second body.
    const pool = (max: number, maxSize: number) =>
      new LRUCache<string, CachedPage>({
        max,
        maxSize,
        sizeCalculation: (page) => page.body.length * 2 || 1,
        ttl: Math.max(options.freshMs, options.lastGoodMs),
      });
    const maxMissing = options.maxMissing ?? Math.max(1, Math.floor(options.maxEntries / 5));
    // Unknown addresses get a share of the bytes as of the entries, so they never push a real page out.
    const missingBytes = Math.floor((options.maxBytes * maxMissing) / (options.maxEntries + maxMissing));
    this.entries = pool(options.maxEntries, options.maxBytes - missingBytes);
    this.missing = pool(maxMissing, Math.max(1, missingBytes));
  }

  /** The fresh copy, the render in progress, or a new render; `render` runs once per URL at a time. */
  async get(key: string, render: () => Promise<CachedPage>, now = Date.now()): Promise<CachedPage> {
    return (await this.lookup(key, render, now)).page;
  }

  /** As `get`, saying how the page was found (for the access log and the hit ratio). */
  lookup(
    key: string,
    render: () => Promise<CachedPage>,
    now = Date.now(),
  ): Promise<{ page: CachedPage; cache: CacheStatus }> {
    const cached = this.entries.get(key) ?? this.missing.get(key);
    const fresh = cached && now - cached.renderedAt < this.options.freshMs;
    if (fresh) return Promise.resolve({ page: cached, cache: 'hit' });
    const pending = this.inFlight.get(key);
    if (pending && pending.epoch === this.epoch) return pending.page.then((page) => ({ page, cache: 'shared' }));
    const epoch = this.epoch;
    let stale = false;
    const rendering = render()
      .then((page) => {
        if (page.status >= 500 && cached?.status === 200 && now - cached.renderedAt < this.options.lastGoodMs) {
          stale = true;
          return cached; // the API failed: the last good copy is better than an error
        }
        // A purge during the render: this copy may show what was purged, so it is not kept.
        // Failures are not kept either: the next reader gets a new try, and the last good copy stays.
        if (epoch === this.epoch && page.status < 500) {
          this.entries.delete(key);
          this.missing.delete(key);
          (page.status === 200 ? this.entries : this.missing).set(key, page);
        }
        return page;
      })
      .finally(() => {
        if (this.inFlight.get(key)?.page === rendering) this.inFlight.delete(key);
      });
    this.inFlight.set(key, { epoch, page: rendering });
    return rendering.then((page) => ({ page, cache: stale ? 'stale' : 'miss' }));
  }

  /** Drops every page carrying one of `keys` (`all` drops everything); the number dropped. */
  purge(keys: readonly string[]): number {
    this.epoch++;
    const wanted = new Set(keys);
    let dropped = 0;
    for (const pool of [this.entries, this.missing]) {
      for (const [key, page] of [...pool.entries()]) {
        if (wanted.has('all') || (page.keys ?? ['all']).some((name) => wanted.has(name))) {
          pool.delete(key);
          dropped++;
        }
      }
    }
    return dropped;
  }

  get size(): number {
    return this.entries.size + this.missing.size;
  }

  /** Bytes held, as counted against maxBytes. */
  get heldBytes(): number {
    return this.entries.calculatedSize + this.missing.calculatedSize;
  }
}
