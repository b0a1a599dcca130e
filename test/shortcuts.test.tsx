import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { KeyboardShortcuts, SAVE_EVENT } from '../src/features/shortcuts';
import { moveBetweenStories, saveCurrentStory } from '../src/features/shortcuts/shortcuts';
import { renderApp } from './renderApp';

/** A page with a search box, a list of three stories with Save buttons, and the shortcuts. */
function renderPage() {
  const onSave = vi.fn();
  const onOpen = vi.fn((event: { preventDefault(): void; currentTarget: Element }) => {
    event.preventDefault();
    return event.currentTarget.getAttribute('href');
  });
  const result = render(
    <>
      <header>
        <input type="search" aria-label="Search stories" />
        <KeyboardShortcuts />
      </header>
      <main>
        <h1 tabIndex={-1}>Latest</h1>
        <ul>
          {['one', 'two', 'three'].map((slug) => (
            <li key={slug}>
              <a href={`/article/${slug}`} onClick={onOpen}>
                Story {slug}
              </a>
              <button type="button" onClick={() => onSave(slug)}>
                Save<span>: Story {slug}</span>
              </button>
            </li>
          ))}
        </ul>
      </main>
    </>,
  );
  return { ...result, onSave, onOpen };
}

const press = (key: string, init: KeyboardEventInit = {}, target: Element = document.activeElement ?? document.body) =>
  act(() => {
    fireEvent.keyDown(target, { key, ...init });
  });

afterEach(() => {
  vi.useRealTimers();
});

describe('keyboard shortcuts', () => {
  it('? opens the help dialog listing every shortcut; Close returns focus', () => {
    renderPage();
    const trigger = screen.getByRole('button', { name: 'Keyboard shortcuts' });
    trigger.focus();
    press('?', { shiftKey: true });
    const dialog = screen.getByRole('dialog', { name: 'Keyboard shortcuts' });
    const keys = within(dialog)
      .getAllByRole('term')
      .map((term) => term.textContent);
    expect(keys).toEqual(['?', '/', 'j', 'k', 'oorEnter', 's', 'l', 'Esc']);
    expect(within(dialog).getByText('Search stories')).toBeInTheDocument();
    act(() => within(dialog).getByRole('button', { name: 'Close' }).click());
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(trigger).toHaveFocus();
  });

  it('j and k move through the stories in order; o opens the focused one', () => {
    const { onOpen } = renderPage();
    press('j');
    expect(screen.getByRole('link', { name: 'Story one' })).toHaveFocus();
    press('j');
    press('j');
    press('j'); // stays on the last
    expect(screen.getByRole('link', { name: 'Story three' })).toHaveFocus();
    press('k');
    expect(screen.getByRole('link', { name: 'Story two' })).toHaveFocus();
    press('o');
    expect(onOpen).toHaveBeenCalledTimes(1);
    expect(onOpen.mock.results[0]!.value).toBe('/article/two');
  });

  it('j from the page heading goes to the first story after it; from a card button, to the next card', () => {
    renderPage();
    screen.getByRole('heading', { name: 'Latest' }).focus();
    press('j');
    expect(screen.getByRole('link', { name: 'Story one' })).toHaveFocus();
    screen.getByRole('button', { name: 'Save: Story one' }).focus();
    press('j');
    expect(screen.getByRole('link', { name: 'Story two' })).toHaveFocus();
  });

  it('/ focuses search; nothing fires while typing, with Ctrl/Alt/Meta, or while the help is open', () => {
    const { onSave } = renderPage();
    const search = screen.getByRole('searchbox', { name: 'Search stories' });
    press('/');
    expect(search).toHaveFocus();
    press('j', {}, search);
    press('s', {}, search);
    press('?', { shiftKey: true }, search);
    expect(search).toHaveFocus();
    expect(onSave).not.toHaveBeenCalled();
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();

    search.blur();
    press('j', { ctrlKey: true });
    press('j', { altKey: true });
    press('j', { metaKey: true });
    expect(document.body).toHaveFocus();

    press('?', { shiftKey: true });
    press('j');
    expect(screen.getByRole('link', { name: 'Story one' })).not.toHaveFocus();
  });

  it('s saves the focused story: a listener of the save event can take it, else its Save button is clicked', () => {
    const { onSave } = renderPage();
    press('j');
    press('j');
    const heard = vi.fn((event: Event) => {
      expect((event as CustomEvent).detail).toEqual({ slug: 'two' });
      event.preventDefault();
    });
    document.addEventListener(SAVE_EVENT, heard);
    press('s');
    document.removeEventListener(SAVE_EVENT, heard);
    expect(heard).toHaveBeenCalledTimes(1);
    expect(onSave).not.toHaveBeenCalled();

    press('s');
    expect(onSave).toHaveBeenCalledWith('two');
  });

  it('s with nothing to save says so', async () => {
    render(
      <>
        <KeyboardShortcuts />
        <main>
          <h1>About</h1>
        </main>
      </>,
    );
    expect(saveCurrentStory()).toBe('nothing');
    press('s');
    expect(await screen.findByText('There is no story to save here')).toBeInTheDocument();
    expect(moveBetweenStories(1)).toBeNull();
  });

  it('in the app: ? shows the help and j walks the home page stories', async () => {
    const { user } = renderApp('/');
    await screen.findByRole('heading', { name: 'Latest News', level: 2 });
    // The stories arrive after the heading (a busy machine shows the gap): wait for one to walk to.
    await waitFor(() => expect(document.querySelector('main a[href^="/article/"]')).not.toBeNull());
    await user.keyboard('j');
    expect(document.activeElement).toHaveAttribute('href', expect.stringMatching(/^\/article\//));
    await user.keyboard('?');
    expect(screen.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible();
  });
});
