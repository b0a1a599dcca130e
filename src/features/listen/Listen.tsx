import { useEffect, useId, useRef, useState, useSyncExternalStore, type RefObject } from 'react';
import type { Block } from '../../lib/api/schemas';
import { RATES, segmentsOf, voicesFor } from './speech';

type Status = 'stopped' | 'playing' | 'paused';

function synth(): SpeechSynthesis | null {
  return typeof window !== 'undefined' && 'speechSynthesis' in window ? window.speechSynthesis : null;
}

// The browser's voices arrive late (Chrome fills them after `voiceschanged`).
let voicesSnapshot: SpeechSynthesisVoice[] = [];
const noVoices: SpeechSynthesisVoice[] = [];
function subscribeVoices(listener: () => void) {
  const speech = synth();
  if (!speech) return () => {};
  const update = () => {
    voicesSnapshot = speech.getVoices();
    listener();
  };
  update();
  speech.addEventListener('voiceschanged', update);
  return () => speech.removeEventListener('voiceschanged', update);
}
const getVoices = () => (synth() ? voicesSnapshot : noVoices);
const getNoVoices = () => noVoices;

function useVoices(): SpeechSynthesisVoice[] {
  return useSyncExternalStore(subscribeVoices, getVoices, getNoVoices);
}

function isTyping(target: EventTarget | null): boolean {
  return (
    target instanceof HTMLElement && (target.isContentEditable || target.closest('input, textarea, select') !== null)
  );
}

const BUTTON = 'btn-secondary px-3 py-1.5';

/**
 * Listen: the story read aloud by the browser's own speech (no service, works offline). The
 * paragraph being read is marked in the page (`data-listening`) and kept in view; `l` plays
 * and pauses. Hidden where the browser has no speech or no voice for the story's language.
 */
export function Listen({
  headline,
  body,
  lang = 'en',
  bodyRef,
}: {
  headline: string;
  body: Block[];
  lang?: string;
  /** The element whose children are the body's blocks, in order. */
  bodyRef: RefObject<HTMLElement | null>;
}) {
  const id = useId();
  const voices = voicesFor(useVoices(), lang);
  const [status, setStatus] = useState<Status>('stopped');
  const [position, setPosition] = useState(0);
  const [rate, setRate] = useState<number>(1);
  const [voiceName, setVoiceName] = useState('');
  const voice = voices.find((candidate) => candidate.name === voiceName) ?? voices[0] ?? null;
  const segments = segmentsOf(headline, body);
  // Each utterance knows its turn: ends and errors of one that was cancelled are ignored.
  const turn = useRef(0);
  // The next paragraph starts with the settings of its time (speed or voice changed meanwhile).
  const speakNext = useRef<(index: number) => void>(() => {});

  function speak(index: number) {
    const speech = synth();
    const segment = segments[index];
    turn.current += 1;
    const mine = turn.current;
    speech?.cancel();
    if (!speech || !segment) {
      setStatus('stopped');
      setPosition(0);
      return;
    }
    const utterance = new SpeechSynthesisUtterance(segment.text);
    utterance.lang = voice?.lang ?? lang;
    if (voice) utterance.voice = voice;
    utterance.rate = rate;
    utterance.onend = () => {
      if (turn.current === mine) speakNext.current(index + 1);
    };
    utterance.onerror = (event) => {
      if (turn.current === mine && event.error !== 'interrupted' && event.error !== 'canceled') setStatus('stopped');
    };
    setPosition(index);
    setStatus('playing');
    speech.speak(utterance);
  }

  useEffect(() => {
    speakNext.current = speak;
  });

  function toggle() {
    const speech = synth();
    if (!speech) return;
    if (status === 'playing') {
      speech.pause();
      setStatus('paused');
    } else if (status === 'paused') {
      speech.resume();
      setStatus('playing');
    } else {
      speak(position);
    }
  }
  const toggleNow = useRef(toggle);
  useEffect(() => {
    toggleNow.current = toggle;
  });

  // Leaving the story stops the reading.
  useEffect(
    () => () => {
      turn.current += 1;
      synth()?.cancel();
    },
    [],
  );

  // The paragraph being read: marked and kept in view.
  const block = status === 'stopped' ? undefined : segments[position]?.block;
  useEffect(() => {
    if (block === undefined || block === null) return;
    const element = bodyRef.current?.children[block];
    if (!(element instanceof HTMLElement)) return;
    element.setAttribute('data-listening', '');
    element.scrollIntoView?.({ block: 'nearest', behavior: 'smooth' });
    return () => element.removeAttribute('data-listening');
  }, [block, bodyRef]);

  // `l`: play or pause, anywhere on the page but in a field.
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'l' || event.ctrlKey || event.metaKey || event.altKey || isTyping(event.target)) return;
      event.preventDefault();
      toggleNow.current();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);

  if (voices.length === 0) return null;
  const playLabel = status === 'playing' ? 'Pause' : status === 'paused' ? 'Resume' : 'Listen';
  return (
    <section aria-labelledby={`${id}-title`} className="mt-3 flex flex-wrap items-center gap-2 text-sm">
      <h2 id={`${id}-title`} className="sr-only">
        Listen to this story
      </h2>
      <button type="button" className={BUTTON} onClick={toggle} aria-keyshortcuts="l">
        {playLabel}
      </button>
      <button
        type="button"
        className={BUTTON}
        disabled={status === 'stopped' || position === 0}
        onClick={() => speak(position - 1)}
      >
        Previous paragraph
      </button>
      <button
        type="button"
        className={BUTTON}
        disabled={status === 'stopped' || position >= segments.length - 1}
        onClick={() => speak(position + 1)}
      >
        Next paragraph
      </button>
      <label className="inline-flex items-center gap-1">
        Speed
        <select
          value={rate}
          onChange={(event) => setRate(Number(event.target.value))}
          className="rounded border border-slate-300 bg-white px-1 py-1 dark:border-slate-600 dark:bg-slate-900"
        >
          {RATES.map((value) => (
            <option key={value} value={value}>
              {value}×
            </option>
          ))}
        </select>
      </label>
      {voices.length > 1 && (
        <label className="inline-flex items-center gap-1">
          Voice
          <select
            value={voice?.name ?? ''}
            onChange={(event) => setVoiceName(event.target.value)}
            className="max-w-48 rounded border border-slate-300 bg-white px-1 py-1 dark:border-slate-600 dark:bg-slate-900"
          >
            {voices.map((candidate) => (
              <option key={candidate.name} value={candidate.name}>
                {candidate.name} ({candidate.lang})
              </option>
            ))}
          </select>
        </label>
      )}
      <p role="status" className="sr-only">
        {status === 'stopped'
          ? ''
          : `${status === 'paused' ? 'Paused at' : 'Reading'} part ${position + 1} of ${segments.length}`}
      </p>
    </section>
  );
}
