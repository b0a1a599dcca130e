/**
 * The reader's history on this device: when they last came (localStorage) and which stories
 * they opened (IndexedDB, the last 500), to mark what is new and what changed.
 */
export { ClearHistory } from './ClearHistory';
export { NewSinceNotice, StoryMark, storyMark, useRecordOpened, useStoryMarks, formatSince } from './marks';
export { createHistoryStore, getHistoryStore, setHistoryStore, HISTORY_LIMIT, type OpenedStory } from './opened';
export { VisitTracker } from './VisitTracker';
export { beginVisit, clearVisits, startVisit, touchVisit, VISIT_GAP_MS, type VisitStorage } from './visits';
