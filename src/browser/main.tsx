/**
 * The entry. Builds load it only once the static app shell in index.html has painted
 * (public/theme-init.js adds it after the first contentful paint, see
 * scripts/deferEntry.ts), so no script competes with the shell until it is on screen.
 * On a static page at an article URL (or the home page) it asks for the story (the latest feed) at once,
 * while the app's code (./boot.tsx) downloads; the app takes that response over
 * (src/lib/api/earlyRequests.ts).
 */
import '../index.css';
import { SERVER_STATE_ID } from '../app/serverState';
import { homeFeeds } from '../features/home/homeFeeds';
import { startEarlyGet } from '../lib/api/earlyRequests';
import { buildUrl, type QueryParams } from '../lib/api/transport';
import { getConfig, loadStartupConfig } from '../lib/config';

/** The API path and parameters of the page's main data, as the app asks for them. */
function firstRequest(pathname: string): [string, QueryParams] | null {
  const latest = homeFeeds.find((feed) => feed.feed === 'latest');
  if (pathname === '/') return latest ? ['/stories', { ...latest }] : null;
  const slug = /^\/article\/([^/]+)\/?$/.exec(pathname)?.[1];
  try {
    return slug === undefined ? null : [`/stories/${encodeURIComponent(decodeURIComponent(slug))}`, {}];
  } catch {
    return null; // a malformed escape in the address: the app shows its not-found page
  }
}

// A page the server rendered carries its data. Only a real API can answer this early:
// the built-in mock API lives in the app's code.
const request = document.getElementById(SERVER_STATE_ID) ? null : firstRequest(location.pathname);
if (request) {
  void loadStartupConfig().then(() => {
    if (getConfig().apiBaseUrl !== null) void startEarlyGet(buildUrl(...request));
  });
}
void import('./boot');
