import { getResponse, type RequestHandler } from 'msw';
import {
  currentScenario,
  scenarioHandlers,
  storeScenario,
  type ActiveScenario,
  type ScenarioName,
} from '../../../mocks/scenarios';
import { resolveMockClock } from '../../../mocks/clock';
import { db as fixtureDb } from '../../../mocks/fixtures';
import type { Transport } from './transport';

/**
 * The in-process mock API, with the scenario chosen by `?scenario=` when the page
 * loaded (kept in sessionStorage across navigation) or set later by the dev panel.
 */
function browserStorage(): Storage | null {
  try {
    return typeof sessionStorage === 'undefined' ? null : sessionStorage;
  } catch {
    return null;
  }
}

fixtureDb.setClock(resolveMockClock(typeof location === 'undefined' ? '' : location.search, browserStorage()));
let active: ActiveScenario = currentScenario();
let activeHandlers: RequestHandler[] = handlersFor(active);
const listeners = new Set<(scenario: ActiveScenario) => void>();

function handlersFor(scenario: ActiveScenario): RequestHandler[] {
  if (scenario.name !== 'default') {
    console.info(
      `[mocks] scenario "${scenario.name}"${scenario.name === 'errors' ? ` (endpoint ${scenario.endpoint})` : ''}`,
    );
  }
  return scenarioHandlers(scenario.name, { endpoint: scenario.endpoint });
}

export function getScenario(): ActiveScenario {
  return active;
}

/** Switches the scenario for the following requests; callers reset the query cache. */
export function setScenario(name: ScenarioName, endpoint = active.endpoint): void {
  active = { name, endpoint };
  activeHandlers = handlersFor(active);
  storeScenario(active, browserStorage());
  for (const listener of listeners) listener(active);
}

export function subscribeScenario(listener: (scenario: ActiveScenario) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export const mockTransport: Transport = async (request) => {
  const response = await getResponse(activeHandlers, request);
  return (
    response ??
    Response.json(
      { error: { code: 'not_found', message: `No mock handler for ${request.method} ${request.url}` } },
      { status: 404 },
    )
  );
};
