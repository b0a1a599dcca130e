/**
 * Reader preferences (theme and article text size), remembered in localStorage and
 * applied as attributes on <html>: `class="dark"` (Tailwind's dark variant) plus
 * `data-theme="light|dark"`, and `data-text-size`. public/theme-init.js applies the same
 * before first paint, so there is no flash of the wrong theme; keep the two in step.
 */
import { useSyncExternalStore } from 'react';

export type ThemeChoice = 'light' | 'dark' | 'system';
export type TextSize = 'small' | 'default' | 'large' | 'x-large';

export const THEME_KEY = 'reader.theme';
export const TEXT_SIZE_KEY = 'reader.textSize';

export const THEME_CHOICES: readonly { value: ThemeChoice; label: string }[] = [
  { value: 'light', label: 'Light' },
  { value: 'dark', label: 'Dark' },
  { value: 'system', label: 'System' },
];

export const TEXT_SIZES: readonly { value: TextSize; label: string }[] = [
  { value: 'small', label: 'Small' },
  { value: 'default', label: 'Default' },
  { value: 'large', label: 'Large' },
  { value: 'x-large', label: 'Extra large' },
];

export interface Preferences {
  theme: ThemeChoice;
  textSize: TextSize;
}

const DARK_QUERY = '(prefers-color-scheme: dark)';

function isTheme(value: unknown): value is ThemeChoice {
  return THEME_CHOICES.some((choice) => choice.value === value);
}
function isTextSize(value: unknown): value is TextSize {
  return TEXT_SIZES.some((size) => size.value === value);
}

function readStored(key: string): string | null {
  try {
    return window.localStorage.getItem(key);
  } catch {
    return null; // storage blocked: defaults
  }
}
function writeStored(key: string, value: string): void {
  try {
    window.localStorage.setItem(key, value);
  } catch {
    // storage blocked or full: the choice still applies for this visit
  }
}

function systemPrefersDark(): boolean {
  return typeof window.matchMedia === 'function' && window.matchMedia(DARK_QUERY).matches;
}

export function readPreferences(): Preferences {
  const theme = readStored(THEME_KEY);
  const textSize = readStored(TEXT_SIZE_KEY);
  return {
    theme: isTheme(theme) ? theme : 'system',
    textSize: isTextSize(textSize) ? textSize : 'default',
  };
}

/** Sets the <html> attributes for these preferences. */
export function applyPreferences(preferences: Preferences, root: HTMLElement = document.documentElement): void {
  const dark = preferences.theme === 'dark' || (preferences.theme === 'system' && systemPrefersDark());
  root.classList.toggle('dark', dark);
  root.dataset.theme = dark ? 'dark' : 'light';
  root.dataset.textSize = preferences.textSize;
}

const listeners = new Set<() => void>();
let current: Preferences | null = null;

function snapshot(): Preferences {
  current ??= readPreferences();
  return current;
}

function update(next: Preferences): void {
  current = next;
  applyPreferences(next);
  for (const listener of listeners) listener();
}

export function setTheme(theme: ThemeChoice): void {
  writeStored(THEME_KEY, theme);
  update({ ...snapshot(), theme });
}

export function setTextSize(textSize: TextSize): void {
  writeStored(TEXT_SIZE_KEY, textSize);
  update({ ...snapshot(), textSize });
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  // The system theme can change while the page is open; another tab can change the choice.
  const media = typeof window.matchMedia === 'function' ? window.matchMedia(DARK_QUERY) : null;
  const onSystemChange = () => applyPreferences(snapshot());
  const onStorage = (event: StorageEvent) => {
    if (event.key === THEME_KEY || event.key === TEXT_SIZE_KEY || event.key === null) update(readPreferences());
  };
  media?.addEventListener('change', onSystemChange);
  window.addEventListener('storage', onStorage);
  return () => {
    listeners.delete(listener);
    media?.removeEventListener('change', onSystemChange);
    window.removeEventListener('storage', onStorage);
  };
}

/**
 * What the server renders (it cannot know the reader's choice) and so what hydration
 * starts from; the reader's own preferences follow at once. The theme itself is on
 * <html> before the first paint (public/theme-init.js), so nothing flashes.
 */
const DEFAULT_PREFERENCES: Preferences = { theme: 'system', textSize: 'default' };

/**
 * One current preference; re-renders when it changes (here or in another tab). A single
 * value, not the object: a reader on the defaults re-renders nothing after hydration.
 */
export function usePreference<K extends keyof Preferences>(key: K): Preferences[K] {
  return useSyncExternalStore(
    subscribe,
    () => snapshot()[key],
    () => DEFAULT_PREFERENCES[key],
  );
}

/** For tests: forget the cached preferences so the next read comes from storage. */
export function resetPreferencesForTests(): void {
  current = null;
}
