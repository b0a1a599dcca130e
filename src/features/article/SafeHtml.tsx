import { useMemo } from 'react';
import { sanitizeHtml } from './sanitize';

/** Untrusted markup from the API, sanitised before it reaches the DOM. */
export function SafeHtml({ html, className = '' }: { html: string; className?: string }) {
  const clean = useMemo(() => sanitizeHtml(html), [html]);
  return (
    <div
      className={`safe-html space-y-4 [&_a]:text-brand-700 [&_a]:underline dark:[&_a]:text-sky-300 [&_li]:ml-6 [&_ol]:list-decimal [&_ul]:list-disc [&_table]:w-full [&_td]:border [&_td]:border-slate-300 [&_td]:p-2 [&_th]:border [&_th]:border-slate-300 [&_th]:p-2 dark:[&_td]:border-slate-600 dark:[&_th]:border-slate-600 [&_img]:h-auto [&_img]:max-w-full ${className}`}
      dangerouslySetInnerHTML={{ __html: clean }}
    />
  );
}
