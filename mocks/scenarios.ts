/**
 * Named scenarios for the mock API, written once and used everywhere: the app in mock
 * mode (`?scenario=slow`, or the dev panel), the unit tests (`useScenario('empty')`)
 * and anything else that runs msw handlers.
 *
 * A scenario is a list of msw handlers that goes in front of the default ones: an
 * optional middleware (delay, failures) that falls through by returning nothing,
 * then the whole contract again over a transformed copy of the data.
 */
import { plainText } from '../src/lib/api/richText';
import { delay, http, type RequestHandler } from 'msw';
import { apiError, createApiHandlers } from './api';
import type { FeedFilter, MockDb, StoryFixture } from './db';
import { createDb, toCard } from './db';
import { db as fixtureDb } from './fixtures';
import { DEFAULT_ERROR_ENDPOINT, type ErrorEndpoint, type ScenarioName } from './scenarioChoice';

export * from './scenarioChoice';

export const SLOW_DELAY_MS = 2000;
export const LONG_STORY_PARAGRAPHS = 150;
/** The feed item the `malformed` scenario sends without a headline (always at index 0). */
export const MALFORMED_ITEM_SLUG = 'malformed-feed-item';
/** The story the `malformed` scenario breaks (its body is not an array); listed second in every feed. */
export const MALFORMED_STORY_SLUG = 'malformed-story';
export const MALFORMED_STORY_HEADLINE = 'A story that breaks the contract (malformed scenario)';

export interface ScenarioOptions {
  /** `slow`: the delay before every response. Defaults to SLOW_DELAY_MS. */
  delayMs?: number;
  /** `slow`: wait for this instead of a fixed time (lets a test hold responses, then release them). */
  until?: Promise<unknown>;
  /** `flaky`: every n-th request fails. Defaults to 3. */
  failEvery?: number;
  /** `errors`: which endpoint answers 500. Defaults to trending. */
  endpoint?: ErrorEndpoint;
}

const API_PATH = /\/(stories(\/[^/]+)?|taxonomy|newsletter|feedback)$/;

/** Which endpoint a request is for, in the terms of `errorEndpoints`; null if not the API. */
export function endpointOf(request: Request): Exclude<ErrorEndpoint, 'all'> | null {
  const url = new URL(request.url);
  const match = API_PATH.exec(url.pathname);
  if (!match) return null;
  const [, name, slugPart] = match;
  if (name === 'taxonomy' || name === 'newsletter' || name === 'feedback') return name;
  if (slugPart) return 'story';
  if (url.searchParams.get('q')) return 'search';
  const feed = url.searchParams.get('feed');
  return feed === 'latest' || feed === 'trending' || feed === 'opinion' || feed === 'devshots' ? feed : null;
}

const isApiRequest = ({ request }: { request: Request }) => endpointOf(request) !== null;

function slowHandlers(delayMs: number, until?: Promise<unknown>): RequestHandler[] {
  return [
    http.all(isApiRequest, async () => {
      await (until ?? delay(delayMs));
      // Nothing returned: the request goes on to the next handler, the real one.
    }),
  ];
}

/**
 * Deterministic flakiness: every `failEvery`-th API request answers 503, except that a
 * request that has just failed always succeeds the next time it is sent, so a client
 * that retries recovers and tests can rely on the outcome.
 */
function flakyHandlers(failEvery: number): RequestHandler[] {
  let count = 0;
  const justFailed = new Set<string>();
  return [
    http.all(isApiRequest, ({ request }) => {
      const key = `${request.method} ${request.url}`;
      if (justFailed.delete(key)) return undefined;
      count += 1;
      if (count % failEvery !== 0) return undefined;
      justFailed.add(key);
      return apiError(503, 'unavailable', 'The mock API is being flaky (flaky scenario)');
    }),
  ];
}

function errorHandlers(endpoint: ErrorEndpoint): RequestHandler[] {
  return [
    http.all(isApiRequest, ({ request }) => {
      if (endpoint !== 'all' && endpointOf(request) !== endpoint) return undefined;
      return apiError(500, 'internal', `The mock API failed on purpose (errors scenario, endpoint ${endpoint})`);
    }),
  ];
}

function emptyDb(base: MockDb): MockDb {
  return {
    ...base,
    listStories: () => [],
    findStory(slug: string) {
      const story = base.findStory(slug);
      return story && { ...story, related: [] };
    },
  };
}

function malformedDb(base: MockDb): MockDb {
  const template = base.data.stories[0];
  if (!template) return base;
  const brokenStory = {
    ...template,
    slug: MALFORMED_STORY_SLUG,
    headline: MALFORMED_STORY_HEADLINE,
    summary: 'Opening this story shows how the reader handles a story that fails validation.',
    body: 'not an array: the contract says body is Block[]',
  } as unknown as StoryFixture;
  const { headline: _dropped, ...headless } = toCard({ ...template, slug: MALFORMED_ITEM_SLUG });
  const brokenItem = headless as unknown as ReturnType<typeof toCard>;
  return {
    ...base,
    listStories(filter: FeedFilter) {
      const stories = base.listStories(filter);
      // The headless item goes first in every list (one console report); the broken
      // story's card, valid itself, goes second in feeds, where a developer can open it.
      return filter.q ? [brokenItem, ...stories] : [brokenItem, toCard(brokenStory), ...stories];
    },
    findStory(slug: string) {
      if (slug === MALFORMED_STORY_SLUG) return { ...brokenStory, related: [], versions: [] };
      return base.findStory(slug);
    },
  };
}

const LONG_WORD = 'Pneumonoultramicroscopicsilicovolcanoconiosis-Supercalifragilisticexpialidocious';

export function longHeadline(headline: string): string {
  return `${headline}: ${LONG_WORD} and a headline that keeps going, ${'clause after clause after clause, '.repeat(6)}until it finally ends`;
}

function longDb(base: MockDb): MockDb {
  const stories = base.data.stories.map((story): StoryFixture => {
    const texts = story.body.flatMap((block) =>
      block.type === 'paragraph' && 'text' in block ? [plainText(block.text)] : [],
    );
    const source = texts.length > 0 ? texts : [story.summary];
    return {
      ...story,
      headline: longHeadline(story.headline),
      body: Array.from({ length: LONG_STORY_PARAGRAPHS }, (_, index) => ({
        type: 'paragraph' as const,
        text: `Paragraph ${index + 1} of ${LONG_STORY_PARAGRAPHS}. ${source[index % source.length]}`,
      })),
    };
  });
  return createDb({ ...base.data, stories });
}

/**
 * The handlers for a scenario, to put in front of the default handlers
 * (`server.use(...scenarioHandlers('empty'))`) or to use on their own.
 * Each call starts fresh (the flaky counter starts at zero).
 */
export function scenarioHandlers(
  name: ScenarioName,
  options: ScenarioOptions = {},
  db: MockDb = fixtureDb,
): RequestHandler[] {
  switch (name) {
    case 'default':
      return createApiHandlers(db);
    case 'slow':
      return [...slowHandlers(options.delayMs ?? SLOW_DELAY_MS, options.until), ...createApiHandlers(db)];
    case 'flaky':
      return [...flakyHandlers(Math.max(1, options.failEvery ?? 3)), ...createApiHandlers(db)];
    case 'errors':
      return [...errorHandlers(options.endpoint ?? DEFAULT_ERROR_ENDPOINT), ...createApiHandlers(db)];
    case 'empty':
      return createApiHandlers(emptyDb(db));
    case 'malformed':
      return createApiHandlers(malformedDb(db));
    case 'long':
      return createApiHandlers(longDb(db));
  }
}
