/**
 * The reading list's public pieces. SavedPage is left out: routes.tsx loads it lazily.
 * Stories are kept whole in their own IndexedDB database (see storage.ts) and tabs
 * stay in step through a BroadcastChannel (see store.ts).
 */
export { SaveButton } from './SaveButton';
export { useKeepSavedFresh, useReadingList, useRefreshSaved, useSavedChange, useSavedStory } from './useReadingList';
export { changedBlocks } from './changes';
export { createReadingListStore, getReadingListStore, setReadingListStore, type ReadingListStore } from './store';
export { memoryStorage, type ReadingListStorage, type SavedStory, type SavedVersion } from './storage';
