import { afterEach, describe, expect, it } from 'vitest';
import { getConfig, loadRuntimeConfig, resetConfig, setConfig } from '../src/lib/config';

const jsonResponse = (body: string, contentType = 'application/json') =>
  (async () => new Response(body, { headers: { 'Content-Type': contentType } })) as unknown as typeof fetch;

afterEach(() => {
  resetConfig();
  setConfig({ apiBaseUrl: 'http://api.test' });
});

describe('run-time configuration (config.json beside index.html)', () => {
  it('overrides the API base URL, house time zone and request timeout', async () => {
    await loadRuntimeConfig(
      jsonResponse(
        JSON.stringify({
          apiBaseUrl: 'https://content.example.com/v1/',
          houseTimeZone: 'Europe/London',
          houseTimeZoneLabel: 'UK',
          requestTimeoutMs: 2500,
        }),
      ),
    );
    expect(getConfig()).toMatchObject({
      apiBaseUrl: 'https://content.example.com/v1',
      houseTimeZone: 'Europe/London',
      houseTimeZoneLabel: 'UK',
      requestTimeoutMs: 2500,
    });
  });

  it.each([
    ['not JSON', jsonResponse('<!doctype html><p>index.html from an SPA fallback', 'text/html')],
    ['broken JSON', jsonResponse('{"apiBaseUrl": ')],
    ['a JSON array', jsonResponse('[1, 2]')],
    ['an unreachable file', (async () => Promise.reject(new TypeError('Failed to fetch'))) as unknown as typeof fetch],
  ])('keeps the defaults when config.json is %s', async (_, fetchImpl) => {
    const before = getConfig();
    await loadRuntimeConfig(fetchImpl);
    expect(getConfig()).toEqual(before);
  });

  it('ignores a nonsensical timeout', async () => {
    const before = getConfig().requestTimeoutMs;
    await loadRuntimeConfig(jsonResponse(JSON.stringify({ requestTimeoutMs: -5 })));
    expect(getConfig().requestTimeoutMs).toBe(before);
  });
});
