import { scenarioHandlers, type ScenarioName, type ScenarioOptions } from '../mocks/scenarios';
import { server } from './mswServer';

/** In tests, `slow` waits this long unless told otherwise (the app's scenario waits ~2 s). */
export const TEST_SLOW_DELAY_MS = 50;

/**
 * Puts a named mock API scenario (mocks/scenarios.ts) in front of the default handlers
 * for the current test; test/setup.ts resets the handlers after each test.
 * Not a React hook, despite the name: call it in a test before rendering.
 */
export function useScenario(name: ScenarioName, options: ScenarioOptions = {}): void {
  server.use(...scenarioHandlers(name, { delayMs: TEST_SLOW_DELAY_MS, ...options }));
}
