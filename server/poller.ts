/**
 * For a content source that cannot call the purge hook: asks WordPress every
 * CONTENT_POLL_MS what changed (`modified_after`, newest first) and what left the newest
 * posts (unpublished, trashed, deleted), and purges the same keys the mu-plugin would.
 * Runs in one process only (main.ts picks it); the purge reaches every process.
 */
import type { Logger } from 'pino';
import { restUrl } from './content/wordpress/upstream';
import { normaliseKey, storyKey } from './surrogateKeys';

interface PolledPost {
  id: number;
  slug: string;
  modified_gmt: string;
  date_gmt: string;
  categories?: number[];
  title?: { rendered?: string };
}

interface Category {
  id: number;
  slug: string;
  name: string;
  parent: number;
}

export interface PollerOptions {
  wordpressUrl: string;
  intervalMs: number;
  purge: (keys: string[]) => Promise<unknown>;
  logger: Logger;
  fetch?: typeof fetch;
}

const FEEDS = ['feed:latest', 'feed:trending', 'feed:opinion', 'feed:devshots', 'feed:breaking'];
const FIELDS = 'id,slug,modified_gmt,date_gmt,categories,title';
// modified_after is read in the site's time zone on some versions: asked with a day's margin, filtered here.
const MARGIN_MS = 26 * 3600_000;

export function createWordPressPoller(options: PollerOptions) {
  const get = async <T>(route: string, query: Record<string, string | number>): Promise<T> => {
    const response = await (options.fetch ?? fetch)(
      restUrl({ url: options.wordpressUrl.replace(/\/+$/, ''), restStyle: 'query' }, route, query),
      { headers: { accept: 'application/json' }, signal: AbortSignal.timeout(Math.max(2000, options.intervalMs)) },
    );
    if (!response.ok) throw new Error(`WordPress answered ${response.status} for ${route}`);
    return (await response.json()) as T;
  };
  let newest: Map<number, PolledPost> | null = null;
  let lastModified = '';
  // Each post as last seen (modified time, headline, slug, categories): WordPress keeps the time to
  // the second, so a new headline within the second of the last look is still told apart.
  const seen = new Map<number, string>();
  const print = (post: PolledPost) =>
    JSON.stringify([post.modified_gmt, post.title?.rendered ?? '', post.slug, post.categories ?? []]);
  let categories = new Map<number, Category>();
  let categoriesShape = '';

  const categoryKeys = (ids: readonly number[] = []) => {
    const keys: string[] = [];
    for (let id of ids) {
      // A post in a child category shows in its parents' lists too.
      for (let depth = 0; depth < 5 && categories.has(id); depth++) {
        const category = categories.get(id)!;
        keys.push(normaliseKey(`sector:${category.slug}`), normaliseKey(`edition:${category.slug}`));
        id = category.parent;
      }
    }
    return keys;
  };

  /** One look; the keys it purged (empty on the first, which only learns the state). */
  async function poll(): Promise<string[]> {
    const list = await get<Category[]>('/wp/v2/categories', { per_page: 100, _fields: 'id,slug,name,parent' });
    const shape = JSON.stringify(list.map((c) => [c.id, c.slug, c.name, c.parent]).sort());
    const keys = new Set<string>();
    if (categoriesShape && shape !== categoriesShape) keys.add('taxonomy');
    categoriesShape = shape;
    categories = new Map(list.map((category) => [category.id, category]));

    const latest = await get<PolledPost[]>('/wp/v2/posts', {
      per_page: 100,
      orderby: 'date',
      order: 'desc',
      _fields: FIELDS,
    });
    const since = lastModified ? new Date(Date.parse(`${lastModified}Z`) - MARGIN_MS).toISOString() : '';
    const modified = since
      ? await get<PolledPost[]>('/wp/v2/posts', {
          per_page: 50,
          orderby: 'modified',
          order: 'desc',
          modified_after: since,
          _fields: FIELDS,
        })
      : [];
    const first = newest === null;
    const previous = newest ?? new Map<number, PolledPost>();
    const changed = (post: PolledPost) => {
      keys.add(storyKey(post.slug));
      for (const key of [...FEEDS, ...categoryKeys(post.categories)]) keys.add(key);
    };
    for (const post of [...latest, ...modified]) {
      const known = seen.get(post.id);
      if (!first && known !== print(post) && (known !== undefined || post.modified_gmt >= lastModified)) {
        changed(post);
      }
      const before = previous.get(post.id);
      if (before && before.slug !== post.slug) changed(before);
    }
    // Gone from the newest posts while an older one stayed: unpublished, trashed or deleted.
    const ids = new Set(latest.map((post) => post.id));
    const oldest = latest.at(-1)?.date_gmt ?? '';
    for (const [id, post] of previous) {
      if (!ids.has(id) && post.date_gmt >= oldest) changed(post);
    }
    newest = new Map(latest.map((post) => [post.id, post]));
    for (const post of [...latest, ...modified]) {
      seen.delete(post.id);
      seen.set(post.id, print(post));
      if (post.modified_gmt > lastModified) lastModified = post.modified_gmt;
    }
    for (const [id] of seen) {
      if (seen.size <= 2000) break;
      seen.delete(id);
    }
    if (keys.size > 0) await options.purge([...keys]);
    return [...keys];
  }

  let timer: ReturnType<typeof setTimeout> | undefined;
  let stopped = false;
  const loop = async () => {
    try {
      await poll();
    } catch (error) {
      options.logger.warn({ msg: 'content poll failed', error: String(error) });
    }
    if (!stopped) timer = setTimeout(() => void loop(), options.intervalMs);
  };
  return {
    poll,
    start() {
      void loop();
    },
    stop() {
      stopped = true;
      clearTimeout(timer);
    },
  };
}
