import { blockText } from '../../lib/api/blockText';
import type { Block } from '../../lib/api/schemas';

/** One thing read aloud: the headline (block null) or a block of the body, by its index. */
export interface Segment {
  block: number | null;
  text: string;
}

/** What Listen reads, in order: the headline, then every block that has words. */
export function segmentsOf(headline: string, body: readonly Block[]): Segment[] {
  const blocks = body
    .map((block, index) => ({ block: index, text: blockText(block).replace(/\s+/g, ' ').trim() }))
    .filter((segment) => segment.text.length > 0);
  return [{ block: null, text: headline }, ...blocks];
}

/** The voices for `lang` ("en", "en-GB"), the page's region first, then the browser's default. */
export function voicesFor(voices: readonly SpeechSynthesisVoice[], lang: string): SpeechSynthesisVoice[] {
  const base = lang.toLowerCase().split('-')[0]!;
  const score = (voice: SpeechSynthesisVoice) =>
    (voice.lang.toLowerCase() === lang.toLowerCase() ? 2 : 0) + (voice.default ? 1 : 0);
  return voices
    .filter((voice) => voice.lang.toLowerCase().split(/[-_]/)[0] === base)
    .sort((a, b) => score(b) - score(a));
}

export const RATES = [0.75, 1, 1.25, 1.5, 2] as const;
