import { createContext, useContext } from 'react';

/** True below the Layout: route error boundaries then render inside its <main>. */
export const InsideLayoutContext = createContext(false);

export function useIsInsideLayout(): boolean {
  return useContext(InsideLayoutContext);
}
