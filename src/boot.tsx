import './lib/zodConfig';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { createQueryClient } from './app/queryClient';
import { getConfig, loadRuntimeConfig } from './lib/config';
import { persistQueryCache, watchConnection } from './features/offline';
import { registerServiceWorker } from './features/offline/registerServiceWorker';
import './index.css';

async function start() {
  await loadRuntimeConfig();
  const queryClient = createQueryClient();
  // Opened stories and feeds from the last visit, before the router's loaders run.
  await persistQueryCache(queryClient, getConfig().apiBaseUrl);
  watchConnection(queryClient);
  const root = document.getElementById('root');
  if (!root) throw new Error('index.html has no #root element');
  createRoot(root).render(
    <StrictMode>
      <App queryClient={queryClient} />
    </StrictMode>,
  );
  registerServiceWorker();
}

void start();
