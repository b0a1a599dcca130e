/**
 * axe-core on the reader-comfort components in states the browser audit of each route
 * does not reach: the open Theme panel, the open shortcuts dialog, Share's messages.
 * (jsdom has no layout, so colour contrast is left to test/e2e/a11y.e2e.ts.)
 */
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import axe from 'axe-core';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ShareButtons } from '../src/features/article/ShareButtons';
import { TextSizeControl, ThemeMenu } from '../src/features/preferences';
import { resetPreferencesForTests } from '../src/features/preferences/preferences';
import { KeyboardShortcuts } from '../src/features/shortcuts';

async function violations(container: Element): Promise<string[]> {
  const results = await axe.run(container, {
    runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
    rules: { 'color-contrast': { enabled: false } },
    resultTypes: ['violations'],
  });
  return results.violations.map((violation) => `${violation.id}: ${violation.nodes.map((n) => n.html).join(' | ')}`);
}

beforeEach(() => {
  localStorage.clear();
  resetPreferencesForTests();
});
afterEach(() => {
  Object.defineProperty(navigator, 'clipboard', { value: undefined, configurable: true, writable: true });
});

describe('axe on the reader-comfort components', () => {
  it('the open Theme panel and the text size control', async () => {
    const user = userEvent.setup();
    const { container } = render(
      <main>
        <ThemeMenu />
        <TextSizeControl />
      </main>,
    );
    await user.click(screen.getByRole('button', { name: /^Theme/ }));
    expect(screen.getByRole('group', { name: 'Theme' })).toBeVisible();
    expect(await violations(container)).toEqual([]);
  });

  it('the open keyboard shortcuts dialog', async () => {
    const user = userEvent.setup();
    const { container } = render(
      <main>
        <KeyboardShortcuts />
      </main>,
    );
    await user.click(screen.getByRole('button', { name: 'Keyboard shortcuts' }));
    expect(screen.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible();
    expect(await violations(container)).toEqual([]);
  });

  it('the share row, with the share sheet button and the copy confirmation shown', async () => {
    const user = userEvent.setup();
    Object.defineProperty(navigator, 'clipboard', {
      value: { writeText: vi.fn().mockResolvedValue(undefined) },
      configurable: true,
      writable: true,
    });
    Object.defineProperty(navigator, 'share', { value: vi.fn(), configurable: true, writable: true });
    const { container } = render(
      <main>
        <ShareButtons title="A story" url="https://news.example/article/a" />
      </main>,
    );
    expect(screen.getByRole('button', { name: 'Share' })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Copy link' }));
    await screen.findByText('Link copied');
    expect(await violations(container)).toEqual([]);
    Object.defineProperty(navigator, 'share', { value: undefined, configurable: true, writable: true });
  });
});
