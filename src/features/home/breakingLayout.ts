/**
 * The breaking-news bar's box (height and the space under it), shared with the early
 * paint (src/browser/earlyPaint.ts), which holds it open so the lead story does not move down.
 * A module of its own so the early paint does not pull in the component.
 */
export const BREAKING_BAR_BOX = 'mb-4 h-10';
