import { createContext, type ReactNode } from 'react';
import type { StoryCard } from '../../lib/api/schemas';

/**
 * Actions for every story card that does not get its own `actions` (the app puts a
 * Save button here), so the feeds feature needs no knowledge of the reading list.
 */
export const StoryCardActions = createContext<((story: StoryCard) => ReactNode) | null>(null);
