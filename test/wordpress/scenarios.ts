/**
 * The reader requests the WordPress tests make: recorded once from the real
 * WordPress (record.ts), replayed by the unit tests, and run live by live.wp.ts.
 */
import { readableSlug } from '../../server/content/wordpress/map.ts';

export const SITE = 'http://wp.test';

/** Options the tests give the source (beside `url` and `fetch`): editions are the children of "Editions". */
export const TEST_OPTIONS = { editionParent: 'editions' } as const;

export function readerRequests(slugs: Record<string, string>): string[] {
  return [
    '/taxonomy',
    '/stories?feed=latest',
    '/stories?feed=latest&limit=10',
    '/stories?feed=trending&limit=10',
    '/stories?feed=opinion',
    '/stories?feed=devshots',
    '/stories?feed=breaking',
    '/stories?feed=latest&sector=energy-environment',
    '/stories?feed=latest&sector=technology',
    '/stories?feed=latest&edition=india',
    '/stories?feed=latest&edition=global',
    '/stories?feed=latest&q=lenders',
    '/stories?feed=latest&q=सौर',
    '/stories?feed=latest&sector=no-such-sector',
    ...Object.values(slugs).map((slug) => `/stories/${encodeURIComponent(readableSlug(slug))}`),
    '/stories/no-such-story',
  ];
}
