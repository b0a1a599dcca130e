/**
 * Rendered pages, per URL, for a few seconds: a burst of readers on one story costs one
 * render and one upstream request, and concurrent requests for a URL share the render
 * in progress. Bounded by entries and bytes (least recently used out first). A page
 * whose render failed (the API down) can be answered with the last good copy instead.
 */
export interface CachedPage {
  status: number;
  body: Buffer;
  /** The same body compressed, once per encoding for every reader (on first use: most readers take brotli). */
  brotli: () => Buffer;
  gzip: () => Buffer;
  etag: string;
  renderedAt: number;
}

export interface PageCacheOptions {
  /** How long a render is served as is. */
  freshMs: number;
  /** How long a good (200) render may stand in when a new render fails. */
  lastGoodMs: number;
  maxEntries: number;
  maxBytes: number;
}

export class PageCache {
  private readonly entries = new Map<string, CachedPage>();
  private readonly inFlight = new Map<string, Promise<CachedPage>>();
  private bytes = 0;

  constructor(private readonly options: PageCacheOptions) {}

  /** The fresh copy, the render in progress, or a new render; `render` runs once per URL at a time. */
  get(key: string, render: () => Promise<CachedPage>, now = Date.now()): Promise<CachedPage> {
    const cached = this.entries.get(key);
    if (cached && now - cached.renderedAt < this.options.freshMs) {
      this.touch(key, cached);
      return Promise.resolve(cached);
    }
    const pending = this.inFlight.get(key);
    if (pending) return pending;
    const rendering = render()
      .then((page) => {
        if (page.status >= 500 && cached?.status === 200 && now - cached.renderedAt < this.options.lastGoodMs) {
          return cached; // the API failed: the last good copy is better than an error
        }
        this.store(key, page);
        return page;
      })
      .finally(() => this.inFlight.delete(key));
    this.inFlight.set(key, rendering);
    return rendering;
  }

  get size(): number {
    return this.entries.size;
  }

  private touch(key: string, page: CachedPage) {
    this.entries.delete(key);
    this.entries.set(key, page);
  }

  private store(key: string, page: CachedPage) {
    // The compressed copies are a fraction of the body: counted as a second body.
    const size = (entry: CachedPage) => entry.body.length * 2;
    // Failures are not kept: the next reader gets a new try, and the last good copy stays.
    if (page.status >= 500) return;
    const old = this.entries.get(key);
    if (old) {
      this.bytes -= size(old);
      this.entries.delete(key);
    }
    this.entries.set(key, page);
    this.bytes += size(page);
    for (const [oldest, entry] of this.entries) {
      if (this.entries.size <= this.options.maxEntries && this.bytes <= this.options.maxBytes) break;
      this.entries.delete(oldest);
      this.bytes -= size(entry);
    }
  }
}
