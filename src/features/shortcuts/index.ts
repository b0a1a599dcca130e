/** Keyboard shortcuts and their help dialog (`?`). */
export { KeyboardShortcuts } from './KeyboardShortcuts';
export { SHORTCUTS, SAVE_EVENT, type SaveStoryDetail } from './shortcuts';
