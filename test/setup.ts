import '@testing-library/jest-dom/vitest';
import { cleanup } from '@testing-library/react';
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import { resetConfig, setConfig } from '../src/lib/config';
import { server, TEST_API_BASE } from './mswServer';

window.scrollTo = () => {}; // jsdom lacks it; ScrollRestoration calls it
beforeAll(() => server.listen({ onUnhandledFrame: 'error' }));
beforeEach(() => setConfig({ apiBaseUrl: TEST_API_BASE, requestTimeoutMs: 2000 }));
afterEach(() => {
  cleanup();
  server.resetHandlers();
  resetConfig();
});
afterAll(() => server.close());
