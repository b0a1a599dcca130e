import '@testing-library/jest-dom/vitest';
import { cleanup, configure } from '@testing-library/react';
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import { resetConfig, setConfig } from '../src/lib/config';
import { server, TEST_API_BASE } from './mswServer';

// findBy*/waitFor: 1 s is too short on a busy 2-core CI machine; a real failure still fails, just later.
configure({ asyncUtilTimeout: 5000 });
// jsdom lacks it; ScrollRestoration calls it. (No window at all in `@vitest-environment node` files.)
if (typeof window !== 'undefined') window.scrollTo = () => {};
beforeAll(() => server.listen({ onUnhandledFrame: 'error' }));
beforeEach(() => setConfig({ apiBaseUrl: TEST_API_BASE, requestTimeoutMs: 2000 }));
afterEach(() => {
  cleanup();
  server.resetHandlers();
  resetConfig();
});
afterAll(() => server.close());
