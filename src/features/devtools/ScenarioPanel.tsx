import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useId, useState, useSyncExternalStore } from 'react';
import {
  errorEndpoints,
  scenarioDescriptions,
  scenarioNames,
  type ErrorEndpoint,
  type ScenarioName,
} from '../../../mocks/scenarios';
import { getScenario, setScenario, subscribeScenario } from '../../lib/api/mockTransport';

/** Marks the panel; the production bundle check looks for it (it must never be there). */
export const SCENARIO_PANEL_ID = 'dev-scenario-panel';

/**
 * A small floating panel (development builds, mock mode) to switch the mock API's
 * scenario at run time. Switching resets the query cache, so every view on screen
 * refetches through the new scenario at once.
 */
export function ScenarioPanel() {
  const queryClient = useQueryClient();
  const scenario = useSyncExternalStore(subscribeScenario, getScenario);
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const endpointId = useId();

  // A scenario chosen in the URL must not show data cached (or restored) from another one.
  useEffect(() => {
    if (new URLSearchParams(location.search).has('scenario')) void queryClient.resetQueries();
  }, [queryClient]);

  const choose = (name: ScenarioName, endpoint: ErrorEndpoint = scenario.endpoint) => {
    setScenario(name, endpoint);
    void queryClient.resetQueries();
  };

  return (
    <div
      id={SCENARIO_PANEL_ID}
      className="fixed bottom-4 left-4 z-[70] max-w-[calc(100vw-2rem)] text-sm text-slate-900 dark:text-slate-100"
    >
      <button
        type="button"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen(!open)}
        className="rounded-full border border-slate-400 bg-amber-100 px-3 py-1.5 font-semibold shadow-lg dark:border-slate-500 dark:bg-amber-900"
      >
        Mock API: {scenario.name}
        {scenario.name === 'errors' ? ` (${scenario.endpoint})` : ''}
      </button>
      <div
        id={panelId}
        hidden={!open}
        className="mt-2 w-80 rounded-lg border border-slate-300 bg-white p-3 shadow-2xl dark:border-slate-600 dark:bg-slate-900"
      >
        <fieldset>
          <legend className="font-semibold">Mock API scenario</legend>
          <p className="mt-1 text-xs text-slate-600 dark:text-slate-300">
            Development builds only. Also <code>?scenario=name</code> in the URL.
          </p>
          <div className="mt-2 space-y-1">
            {scenarioNames.map((name) => (
              <label key={name} className="flex items-start gap-2">
                <input
                  type="radio"
                  name="mock-scenario"
                  value={name}
                  checked={scenario.name === name}
                  onChange={() => choose(name)}
                  className="mt-1"
                />
                <span>
                  <span className="font-semibold">{name}</span>
                  <span className="block text-xs text-slate-600 dark:text-slate-300">{scenarioDescriptions[name]}</span>
                </span>
              </label>
            ))}
          </div>
        </fieldset>
        <label htmlFor={endpointId} className="mt-3 block font-semibold">
          Endpoint that fails (errors)
        </label>
        <select
          id={endpointId}
          value={scenario.endpoint}
          onChange={(event) => choose('errors', event.target.value as ErrorEndpoint)}
          className="mt-1 w-full rounded border border-slate-400 bg-white px-2 py-1 dark:border-slate-500 dark:bg-slate-800"
        >
          {errorEndpoints.map((endpoint) => (
            <option key={endpoint} value={endpoint}>
              {endpoint}
            </option>
          ))}
        </select>
      </div>
    </div>
  );
}
