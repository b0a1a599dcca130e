/**
 * Which mock API scenario is active: names, and the choice from `?scenario=` (kept in
 * sessionStorage). Light on purpose (no msw, no fixtures), so start-up code can read
 * the scenario without loading the mock API, e.g. to key a persisted query cache by it.
 * The scenarios themselves are in ./scenarios.ts.
 */
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

export function isScenarioName(value: unknown): value is ScenarioName {
  return typeof value === 'string' && (scenarioNames as readonly string[]).includes(value);
}

export function isErrorEndpoint(value: unknown): value is ErrorEndpoint {
  return typeof value === 'string' && (errorEndpoints as readonly string[]).includes(value);
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

function browserStorage(): Storage | null {
  try {
    return typeof sessionStorage === 'undefined' ? null : sessionStorage;
  } catch {
    return null;
  }
}

/** The scenario for this page load, from the URL or sessionStorage (and stored when in the URL). */
export function currentScenario(): ActiveScenario {
  return resolveScenario(typeof location === 'undefined' ? '' : location.search, browserStorage());
}

/**
 * A key for data made under the current scenario, e.g. "mock:default" or "mock:errors:story":
 * a query cache persisted under one scenario must not be shown under another.
 */
export function scenarioCacheKey(scenario: ActiveScenario = currentScenario()): string {
  return `mock:${scenario.name}${scenario.name === 'errors' ? `:${scenario.endpoint}` : ''}`;
}
