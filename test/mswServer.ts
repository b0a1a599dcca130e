import { setupServer } from 'msw/node';
import { handlers } from '../mocks/handlers';

/** Tests talk to the same mock API as the browser, intercepted at the network level. */
export const TEST_API_BASE = 'http://api.test';
export const server = setupServer(...handlers);
