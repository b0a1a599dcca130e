import { Suspense, use, useMemo } from 'react';

type Sanitizer = typeof import('./sanitize');

/**
 * One shared request for the sanitizer; cleared on failure so a later html block tries
 * again. React records the settled value on the promise, so once it has loaded, later
 * blocks render without suspending.
 */
let loading: Promise<Sanitizer | null> | null = null;

/**
 * DOMPurify (about 11 KB gzip) is only downloaded for a story that has an html block.
 * Resolves to null if the chunk cannot be fetched (offline, new deployment).
 */
function loadSanitizer(): Promise<Sanitizer | null> {
  loading ??= import('./sanitize').then(
    (module) => module,
    () => {
      loading = null;
      return null;
    },
  );
  return loading;
}

/**
 * Loads the sanitizer and marks the promise settled the way React's `use` reads it, so
 * html blocks render without suspending. The server calls this before it renders: a
 * boundary that suspended there could arrive as a separate segment that only an inline
 * script (which the CSP forbids) puts in place.
 */
export async function preloadSanitizer(): Promise<void> {
  const promise = loadSanitizer();
  const value = await promise;
  Object.assign(promise, { status: 'fulfilled', value });
}

/**
 * Loads the sanitizer before a server-rendered story with html blocks is hydrated. Were it
 * still loading, the block's boundary would stay dehydrated, and the first update to reach
 * it (the reading list arriving) would make React drop the server's markup and show the
 * empty fallback until the chunk came: the body blinked.
 */
export function preloadSanitizerFor(blocks: readonly { type: string }[] | undefined): Promise<void> {
  return blocks?.some((block) => block.type === 'html') ? preloadSanitizer() : Promise.resolve();
}

const SAFE_HTML_CLASSES =
  'safe-html space-y-4 [&_a]:text-brand-700 [&_a]:underline dark:[&_a]:text-sky-300 [&_li]:ml-6 [&_ol]:list-decimal [&_ul]:list-disc [&_table]:w-full [&_td]:border [&_td]:border-slate-300 [&_td]:p-2 [&_th]:border [&_th]:border-slate-300 [&_th]:p-2 dark:[&_td]:border-slate-600 dark:[&_th]:border-slate-600 [&_img]:h-auto [&_img]:max-w-full';

function SanitizedHtml({ html, className }: { html: string; className: string }) {
  const sanitizer = use(loadSanitizer());
  const clean = useMemo(() => (sanitizer ? sanitizer.sanitizeHtml(html) : null), [sanitizer, html]);
  if (clean === null) {
    return <p className="text-sm text-slate-700 italic dark:text-slate-300">Part of this story could not be shown.</p>;
  }
  return <div className={`${SAFE_HTML_CLASSES} ${className}`} dangerouslySetInnerHTML={{ __html: clean }} />;
}

/**
 * Untrusted markup from the API, sanitised before it reaches the DOM. Until the
 * sanitizer has loaded nothing is rendered in its place (never the raw markup).
 */
export function SafeHtml({ html, className = '' }: { html: string; className?: string }) {
  return (
    <Suspense fallback={null}>
      <SanitizedHtml html={html} className={className} />
    </Suspense>
  );
}
