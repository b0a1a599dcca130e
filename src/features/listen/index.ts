/** Listen: a story read aloud by the browser's own speech synthesis. */
export { Listen } from './Listen';
export { segmentsOf, voicesFor } from './speech';
