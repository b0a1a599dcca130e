/**
 * Named scenarios for the mock API, written once and used everywhere: the app in mock
 * mode (`?scenario=slow`, or the dev panel), the unit tests (`useScenario('empty')`)
 * and anything else that runs msw handlers.
 *
 * A scenario is a list of msw handlers that goes in front of the default ones: an
 * optional middleware (delay, failures) that falls through by returning nothing,
 * then the whole contract again over a transformed copy of the data.
 */
import { delay, http, type RequestHandler } from 'msw';
import { apiError, createApiHandlers } from './api';
import type { FeedFilter, MockDb, StoryFixture } from './db';
import { createDb, toCard } from './db';
import { db as fixtureDb } from './fixtures';

export const scenarioNames = ['default', 'slow', 'flaky', 'errors', 'empty', 'malformed', 'long'] as const;
export type ScenarioName = (typeof scenarioNames)[number];

/** What each scenario does, for the dev panel and the README. */
export const scenarioDescriptions: Readonly<Record<ScenarioName, string>> = {
  default: 'The fixtures as they are.',
  slow: 'Every response waits about 2 s: loading skeletons everywhere.',
  flaky: 'Every third request fails with 503 (a retry of that request succeeds): retries with backoff.',
  errors: 'One endpoint (trending unless chosen) answers 500: its error with a retry button.',
  empty: 'Every feed and search has no items: the empty states.',
  malformed: 'Each feed has one item without a headline (dropped, reported once) and a story that cannot be read.',
  long: 'Very long headlines everywhere and every story 150 paragraphs long.',
};

/** The endpoints the `errors` scenario can break; `all` breaks every one. */
export const errorEndpoints = [
  'trending',
  'latest',
  'opinion',
  'devshots',
  'search',
  'story',
  'taxonomy',
  'newsletter',
  'feedback',
  'all',
] as const;
export type ErrorEndpoint = (typeof errorEndpoints)[number];
export const DEFAULT_ERROR_ENDPOINT: ErrorEndpoint = 'trending';

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

export function isScenarioName(value: unknown): value is ScenarioName {
  return typeof value === 'string' && (scenarioNames as readonly string[]).includes(value);
}

export function isErrorEndpoint(value: unknown): value is ErrorEndpoint {
  return typeof value === 'string' && (errorEndpoints as readonly string[]).includes(value);
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
      if (slug === MALFORMED_STORY_SLUG) return { ...brokenStory, related: [] };
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
      block.type === 'paragraph' && typeof block.text === 'string' ? [block.text] : [],
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

// ---------------------------------------------------------------------------
// The active scenario in the browser: from `?scenario=` (and `&endpoint=`) when the
// page loads, kept in sessionStorage so it survives client-side navigation and reloads
// of URLs without the parameter; the dev panel changes it at run time.

export interface ActiveScenario {
  name: ScenarioName;
  endpoint: ErrorEndpoint;
}

export const SCENARIO_STORAGE_KEY = 'mock-api-scenario';
const DEFAULT_ACTIVE: ActiveScenario = { name: 'default', endpoint: DEFAULT_ERROR_ENDPOINT };

type StorageLike = Pick<Storage, 'getItem' | 'setItem'>;

function readStored(storage: StorageLike | null): ActiveScenario {
  try {
    const parsed: unknown = JSON.parse(storage?.getItem(SCENARIO_STORAGE_KEY) ?? 'null');
    if (typeof parsed === 'object' && parsed !== null && 'name' in parsed && isScenarioName(parsed.name)) {
      const endpoint =
        'endpoint' in parsed && isErrorEndpoint(parsed.endpoint) ? parsed.endpoint : DEFAULT_ERROR_ENDPOINT;
      return { name: parsed.name, endpoint };
    }
  } catch {
    // unreadable storage: the default
  }
  return DEFAULT_ACTIVE;
}

export function storeScenario(scenario: ActiveScenario, storage: StorageLike | null): void {
  try {
    storage?.setItem(SCENARIO_STORAGE_KEY, JSON.stringify(scenario));
  } catch {
    // private mode or storage full: the scenario lasts for this page only
  }
}

/**
 * The scenario for this page: `?scenario=` in the URL wins (and is stored), otherwise the
 * stored one, otherwise `default`. An unknown name is reported and ignored.
 */
export function resolveScenario(search: string, storage: StorageLike | null): ActiveScenario {
  const params = new URLSearchParams(search);
  const name = params.get('scenario');
  const endpoint = params.get('endpoint');
  if (name === null) return readStored(storage);
  if (!isScenarioName(name)) {
    console.warn(`[mocks] unknown scenario "${name}"; known: ${scenarioNames.join(', ')}`);
    return readStored(storage);
  }
  if (endpoint !== null && !isErrorEndpoint(endpoint)) {
    console.warn(`[mocks] unknown endpoint "${endpoint}"; known: ${errorEndpoints.join(', ')}`);
  }
  const scenario: ActiveScenario = { name, endpoint: isErrorEndpoint(endpoint) ? endpoint : DEFAULT_ERROR_ENDPOINT };
  storeScenario(scenario, storage);
  return scenario;
}
