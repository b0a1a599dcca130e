import { readFileSync } from 'node:fs';
import path from 'node:path';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { TextSizeControl, ThemeMenu } from '../src/features/preferences';
import { resetPreferencesForTests } from '../src/features/preferences/preferences';

const root = document.documentElement;

function mockSystemDark(dark: boolean) {
  const listeners = new Set<(event: MediaQueryListEvent) => void>();
  const media = {
    matches: dark,
    media: '(prefers-color-scheme: dark)',
    addEventListener: (_: string, listener: (event: MediaQueryListEvent) => void) => listeners.add(listener),
    removeEventListener: (_: string, listener: (event: MediaQueryListEvent) => void) => listeners.delete(listener),
  };
  vi.stubGlobal(
    'matchMedia',
    vi.fn(() => media),
  );
  return {
    change(next: boolean) {
      media.matches = next;
      for (const listener of listeners) listener({ matches: next } as MediaQueryListEvent);
    },
  };
}

beforeEach(() => {
  localStorage.clear();
  resetPreferencesForTests();
  root.className = '';
  delete root.dataset.theme;
  delete root.dataset.textSize;
});
afterEach(() => {
  vi.unstubAllGlobals();
});

describe('theme', () => {
  it('follows the system by default, and the Theme menu switches and remembers it', async () => {
    mockSystemDark(false);
    const user = userEvent.setup();
    render(<ThemeMenu />);
    expect(root.dataset.theme).toBe('light');

    const button = screen.getByRole('button', { name: 'Theme: System' });
    expect(button).toHaveAttribute('aria-expanded', 'false');
    await user.click(button);
    expect(button).toHaveAttribute('aria-expanded', 'true');
    expect(screen.getByRole('radio', { name: 'System' })).toBeChecked();

    await user.click(screen.getByRole('radio', { name: 'Dark' }));
    expect(root).toHaveClass('dark');
    expect(root.dataset.theme).toBe('dark');
    expect(localStorage.getItem('reader.theme')).toBe('dark');
    expect(screen.getByRole('button', { name: 'Theme: Dark' })).toBeInTheDocument();

    await user.keyboard('{Escape}');
    expect(button).toHaveAttribute('aria-expanded', 'false');
    expect(button).toHaveFocus();

    await user.click(button);
    await user.click(screen.getByRole('radio', { name: 'Light' }));
    expect(root).not.toHaveClass('dark');
    expect(root.dataset.theme).toBe('light');
    expect(localStorage.getItem('reader.theme')).toBe('light');
  });

  it('with "System", follows the system theme as it changes', () => {
    const system = mockSystemDark(true);
    render(<ThemeMenu />);
    expect(root.dataset.theme).toBe('dark');
    system.change(false);
    expect(root.dataset.theme).toBe('light');
  });

  it('a remembered choice wins over the system theme', () => {
    mockSystemDark(true);
    localStorage.setItem('reader.theme', 'light');
    render(<ThemeMenu />);
    expect(root.dataset.theme).toBe('light');
    expect(screen.getByRole('button', { name: 'Theme: Light' })).toBeInTheDocument();
  });

  it('public/theme-init.js (run before first paint) applies the same choice as the app', () => {
    mockSystemDark(false);
    localStorage.setItem('reader.theme', 'dark');
    localStorage.setItem('reader.textSize', 'large');
    const source = readFileSync(path.resolve(__dirname, '../public/theme-init.js'), 'utf8');
    new Function(source)();
    expect(root).toHaveClass('dark');
    expect(root.dataset.theme).toBe('dark');
    expect(root.dataset.textSize).toBe('large');

    localStorage.setItem('reader.theme', 'system');
    mockSystemDark(true);
    root.className = '';
    new Function(source)();
    expect(root.dataset.theme).toBe('dark');
  });

  it('still works when storage is blocked', async () => {
    mockSystemDark(false);
    vi.spyOn(Storage.prototype, 'getItem').mockImplementation(() => {
      throw new DOMException('blocked', 'SecurityError');
    });
    vi.spyOn(Storage.prototype, 'setItem').mockImplementation(() => {
      throw new DOMException('blocked', 'SecurityError');
    });
    const user = userEvent.setup();
    render(<ThemeMenu />);
    await user.click(screen.getByRole('button', { name: /^Theme/ }));
    await user.click(screen.getByRole('radio', { name: 'Dark' }));
    expect(root.dataset.theme).toBe('dark');
  });
});

describe('article text size', () => {
  it('has four steps, applies at once and is remembered', async () => {
    const user = userEvent.setup();
    const { unmount } = render(<TextSizeControl />);
    const select = screen.getByRole('combobox', { name: 'Text size' });
    expect(select).toHaveValue('default');
    expect(screen.getAllByRole('option').map((option) => option.textContent)).toEqual([
      'Small',
      'Default',
      'Large',
      'Extra large',
    ]);
    await user.selectOptions(select, 'Extra large');
    expect(root.dataset.textSize).toBe('x-large');
    expect(localStorage.getItem('reader.textSize')).toBe('x-large');

    unmount();
    resetPreferencesForTests(); // a new visit: read from storage again
    render(<TextSizeControl />);
    expect(screen.getByRole('combobox', { name: 'Text size' })).toHaveValue('x-large');
  });

  it('ignores an unknown stored value', () => {
    localStorage.setItem('reader.textSize', 'enormous');
    render(<TextSizeControl />);
    expect(screen.getByRole('combobox', { name: 'Text size' })).toHaveValue('default');
  });
});
