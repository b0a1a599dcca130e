/**
 * The mock API's clock in the browser: `?mockClock=2026-02-11T20:00:00Z` on any URL sets it
 * (kept in sessionStorage like the scenario, so it survives navigation and reloads);
 * `?mockClock=off` shows every fixture again. Moving it forward between visits shows what
 * the reader's "new since your last visit" and "updated since" marks do on mock data.
 */
export const CLOCK_STORAGE_KEY = 'mock-api-clock';

type StorageLike = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

export function resolveMockClock(search: string, storage: StorageLike | null): number | null {
  const param = new URLSearchParams(search).get('mockClock');
  try {
    if (param === 'off') {
      storage?.removeItem(CLOCK_STORAGE_KEY);
      return null;
    }
    if (param !== null) {
      const time = Date.parse(param);
      if (Number.isNaN(time)) {
        console.warn(`[mocks] mockClock "${param}" is not a date and time; try 2026-02-11T20:00:00Z`);
      } else {
        storage?.setItem(CLOCK_STORAGE_KEY, String(time));
        return time;
      }
    }
    const stored = Number(storage?.getItem(CLOCK_STORAGE_KEY) ?? NaN);
    return Number.isFinite(stored) ? stored : null;
  } catch {
    return null; // storage refused: every fixture
  }
}
