/**
 * Development-only tools, loaded lazily from App behind `import.meta.env.DEV`, so none
 * of this (nor @tanstack/react-query-devtools) reaches a production bundle
 * (test/e2e/bundle.e2e.ts checks the build).
 */
import { ReactQueryDevtools } from '@tanstack/react-query-devtools';
import { getConfig } from '../../lib/config';
import { ScenarioPanel } from './ScenarioPanel';

export default function DevTools() {
  return (
    <>
      {getConfig().apiBaseUrl === null && <ScenarioPanel />}
      <ReactQueryDevtools initialIsOpen={false} buttonPosition="bottom-right" />
    </>
  );
}
