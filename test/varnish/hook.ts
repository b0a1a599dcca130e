/** Calls the server's purge hook as the WordPress mu-plugin does: HMAC over `<timestamp>.<body>`. */
import { createHmac } from 'node:crypto';

export async function callHook(
  serverUrl: string,
  secret: string,
  keys: string[],
  { timestamp = Math.floor(Date.now() / 1000), body = JSON.stringify({ keys }) } = {},
): Promise<{ status: number; json: Record<string, unknown>; signature: string; timestamp: number; body: string }> {
  const signature = `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
  const response = await fetch(`${serverUrl}/hooks/content-changed`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-newsreader-timestamp': String(timestamp),
      'x-newsreader-signature': signature,
    },
    body,
  });
  return {
    status: response.status,
    json: (await response.json()) as Record<string, unknown>,
    signature,
    timestamp,
    body,
  };
}
