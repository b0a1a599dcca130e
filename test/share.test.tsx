import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ShareButton } from '../src/features/article/ShareButton';
import { formatReadingTime, readingMinutes } from '../src/features/article/readingTime';

const URL = 'https://news.example/article/some-story';

function setNavigator(values: { share?: unknown; clipboard?: unknown }) {
  for (const [key, value] of Object.entries(values)) {
    Object.defineProperty(navigator, key, { value, configurable: true, writable: true });
  }
}

afterEach(() => {
  setNavigator({ share: undefined, clipboard: undefined });
});

describe('Share', () => {
  it('uses the Web Share API where the browser has it', async () => {
    const user = userEvent.setup();
    const share = vi.fn().mockResolvedValue(undefined);
    const writeText = vi.fn().mockResolvedValue(undefined);
    setNavigator({ share, clipboard: { writeText } });
    render(<ShareButton title="A story" url={URL} />);
    await user.click(screen.getByRole('button', { name: 'Share' }));
    expect(share).toHaveBeenCalledWith({ title: 'A story', url: URL });
    expect(writeText).not.toHaveBeenCalled();
    expect(screen.getByRole('status')).toHaveTextContent('');
  });

  it('does nothing more when the reader cancels the share sheet', async () => {
    const user = userEvent.setup();
    const writeText = vi.fn().mockResolvedValue(undefined);
    setNavigator({
      share: vi.fn().mockRejectedValue(new DOMException('cancelled', 'AbortError')),
      clipboard: { writeText },
    });
    render(<ShareButton title="A story" url={URL} />);
    await user.click(screen.getByRole('button', { name: 'Share' }));
    expect(writeText).not.toHaveBeenCalled();
    expect(screen.getByRole('status')).toHaveTextContent('');
  });

  it('otherwise copies the link and says "Link copied" in a status message', async () => {
    const user = userEvent.setup();
    const writeText = vi.fn().mockResolvedValue(undefined);
    setNavigator({ share: undefined, clipboard: { writeText } });
    render(<ShareButton title="A story" url={URL} />);
    await user.click(screen.getByRole('button', { name: 'Share' }));
    expect(writeText).toHaveBeenCalledWith(URL);
    expect(await screen.findByRole('status')).toHaveTextContent('Link copied');
  });

  it('shows the link to copy by hand when the clipboard refuses', async () => {
    const user = userEvent.setup();
    setNavigator({ share: undefined, clipboard: { writeText: vi.fn().mockRejectedValue(new Error('denied')) } });
    render(<ShareButton title="A story" url={URL} />);
    await user.click(screen.getByRole('button', { name: 'Share' }));
    expect(await screen.findByRole('status')).toHaveTextContent(`Could not copy the link. Copy it from here: ${URL}`);
  });
});

describe('reading time', () => {
  it('counts the words of every block at 230 a minute, at least one minute', () => {
    const words = (n: number) => Array.from({ length: n }, () => 'word').join(' ');
    expect(readingMinutes([])).toBe(1);
    expect(
      readingMinutes([
        { type: 'paragraph', text: words(500) },
        { type: 'heading', text: words(10) },
        { type: 'quote', text: words(100), attribution: 'Someone' },
        { type: 'html', html: `<p>${words(309)}</p><ul><li>one</li></ul>` },
      ]),
    ).toBe(4);
    expect(formatReadingTime(4)).toBe('4 min read');
  });
});
