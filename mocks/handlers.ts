/** The mock API over the committed fixtures: what the app and the tests use. */
import { createApiHandlers } from './api';
import { db } from './fixtures';

export const handlers = createApiHandlers(db);
