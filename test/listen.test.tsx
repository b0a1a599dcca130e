import { act, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { db } from '../mocks/fixtures';
import { storySchema } from '../src/features/article/api/story';
import { plainText } from '../src/lib/api/richText';
import { REFERENCE_SLUG, renderApp } from './renderApp';

/** The browser's speech, faked at its boundary: what is queued, in what order, with what voice and speed. */
class FakeUtterance {
  lang = '';
  rate = 1;
  voice: SpeechSynthesisVoice | null = null;
  onend: (() => void) | null = null;
  onerror: ((event: { error: string }) => void) | null = null;
  constructor(public text: string) {}
}

function fakeSpeech(voices: Partial<SpeechSynthesisVoice>[]) {
  const spoken: FakeUtterance[] = [];
  const calls: string[] = [];
  const speech = {
    getVoices: () => voices as SpeechSynthesisVoice[],
    speak: (utterance: FakeUtterance) => {
      calls.push('speak');
      spoken.push(utterance);
    },
    cancel: () => calls.push('cancel'),
    pause: () => calls.push('pause'),
    resume: () => calls.push('resume'),
    addEventListener: () => {},
    removeEventListener: () => {},
  };
  Object.defineProperty(window, 'speechSynthesis', { value: speech, configurable: true });
  Object.defineProperty(window, 'SpeechSynthesisUtterance', { value: FakeUtterance, configurable: true });
  /** The utterance being read finishes. */
  const finish = () => act(() => spoken.at(-1)!.onend?.());
  return { spoken, calls, finish };
}

afterEach(() => {
  Reflect.deleteProperty(window, 'speechSynthesis');
  Reflect.deleteProperty(window, 'SpeechSynthesisUtterance');
});

const ENGLISH = { name: 'English (India)', lang: 'en-IN', default: false };
const ENGLISH_US = { name: 'English (US)', lang: 'en-US', default: true };
const story = storySchema.parse(db.findStory(REFERENCE_SLUG));
const paragraphs = story.body.map((block) => ('text' in block && block.text ? plainText(block.text) : ''));

describe('Listen', () => {
  it('is not offered where the browser has no speech', async () => {
    renderApp(`/article/${REFERENCE_SLUG}`);
    await screen.findByRole('heading', { level: 1, name: story.headline });
    expect(screen.queryByRole('button', { name: 'Listen' })).not.toBeInTheDocument();
  });

  it('is not offered when no voice speaks the story’s language', async () => {
    fakeSpeech([{ name: 'Deutsch', lang: 'de-DE', default: true }]);
    renderApp(`/article/${REFERENCE_SLUG}`);
    await screen.findByRole('heading', { level: 1, name: story.headline });
    expect(screen.queryByRole('button', { name: 'Listen' })).not.toBeInTheDocument();
  });

  it('reads the headline, then each paragraph in order, marking the one being read', async () => {
    const { spoken, finish } = fakeSpeech([{ name: 'Deutsch', lang: 'de-DE', default: true }, ENGLISH_US]);
    const { user } = renderApp(`/article/${REFERENCE_SLUG}`);
    await user.click(await screen.findByRole('button', { name: 'Listen' }));
    expect(spoken.map((utterance) => [utterance.text, utterance.voice?.name, utterance.rate])).toEqual([
      [story.headline, 'English (US)', 1],
    ]);
    finish();
    finish();
    expect(spoken.map((utterance) => utterance.text)).toEqual([story.headline, paragraphs[0], paragraphs[1]]);
    const article = screen.getByRole('article');
    const marked = article.querySelectorAll('[data-listening]');
    expect([...marked].map((element) => element.textContent)).toEqual([paragraphs[1]]);
    expect(screen.getByText(`Reading part 3 of ${story.body.length + 1}`)).toHaveAttribute('role', 'status');
  });

  it('pauses and resumes, skips back and on, and reads on at the chosen speed and voice', async () => {
    const { spoken, calls } = fakeSpeech([ENGLISH_US, ENGLISH]);
    const { user } = renderApp(`/article/${REFERENCE_SLUG}`);
    const region = await screen.findByRole('region', { name: 'Listen to this story' });
    await user.click(within(region).getByRole('button', { name: 'Listen' }));
    await user.click(within(region).getByRole('button', { name: 'Pause' }));
    expect(calls.at(-1)).toBe('pause');
    await user.click(within(region).getByRole('button', { name: 'Resume' }));
    expect(calls.at(-1)).toBe('resume');

    await user.selectOptions(within(region).getByRole('combobox', { name: 'Speed' }), '1.5');
    await user.selectOptions(within(region).getByRole('combobox', { name: 'Voice' }), 'English (India)');
    await user.click(within(region).getByRole('button', { name: 'Next paragraph' }));
    await user.click(within(region).getByRole('button', { name: 'Next paragraph' }));
    await user.click(within(region).getByRole('button', { name: 'Previous paragraph' }));
    expect(spoken.map((utterance) => [utterance.text, utterance.rate, utterance.voice?.name])).toEqual([
      [story.headline, 1, 'English (US)'],
      [paragraphs[0], 1.5, 'English (India)'],
      [paragraphs[1], 1.5, 'English (India)'],
      [paragraphs[0], 1.5, 'English (India)'],
    ]);
    // Each skip cancels what was being read first.
    expect(calls.slice(-2)).toEqual(['cancel', 'speak']);
  });

  it('plays and pauses with the l key, but not while typing in a field', async () => {
    const { spoken, calls } = fakeSpeech([ENGLISH_US]);
    const { user } = renderApp(`/article/${REFERENCE_SLUG}`);
    await screen.findByRole('button', { name: 'Listen' });
    await user.keyboard('l');
    expect(spoken.map((utterance) => utterance.text)).toEqual([story.headline]);
    await user.keyboard('l');
    expect(calls.at(-1)).toBe('pause');
    expect(screen.getByRole('button', { name: 'Resume' })).toHaveAttribute('aria-keyshortcuts', 'l');
    await user.click(screen.getAllByRole('searchbox')[0]!);
    await user.keyboard('l');
    expect(calls.at(-1)).toBe('pause');
  });
});
