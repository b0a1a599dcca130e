/**
 * GET requests started before the app's code has loaded: src/browser/main.tsx asks for an
 * article URL's story while the code downloads. The transport takes each one over
 * once (same URL), so the app does not ask the server a second time.
 */
interface EarlyGet {
  response: Promise<Response>;
  controller: AbortController;
}
const pending = new Map<string, EarlyGet>();

export function startEarlyGet(url: string): Promise<Response> {
  const controller = new AbortController();
  const response = fetch(url, { headers: { accept: 'application/json' }, signal: controller.signal });
  // A failure is the transport's to report, if the app ever takes this request.
  response.catch(() => undefined);
  pending.set(url, { response, controller });
  return response;
}

/**
 * The early request for `url`, if there is one, now governed by `signal`: when that
 * aborts (timeout, cancel), so does the request; a hung one left running would hold
 * up the retry, which the browser queues behind it for the same URL.
 */
export function takeEarlyGet(url: string, signal: AbortSignal): Promise<Response> | undefined {
  const early = pending.get(url);
  if (!early) return undefined;
  pending.delete(url);
  return new Promise((resolve, reject) => {
    const abort = () => {
      early.controller.abort(signal.reason);
      reject(signal.reason as Error);
    };
    if (signal.aborted) return abort();
    signal.addEventListener('abort', abort, { once: true });
    early.response.then(resolve, reject);
  });
}
