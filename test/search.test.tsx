import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { db } from '../mocks/fixtures';
import { mergeVersions } from '../src/lib/api/wireVersions';
import { REFERENCE_SLUG, renderApp } from './renderApp';

const HEADLINE = 'UPDATE 3-WhatsApp says Russia tried to fully block service to push state app';

describe('search page', () => {
  it('finds a story by a word that is only in its body', async () => {
    // "Roskomnadzor" is in a body paragraph of the reference story, not in its headline or summary.
    const story = db.findStory(REFERENCE_SLUG)!;
    expect(`${story.headline} ${story.summary}`).not.toMatch(/Roskomnadzor/);
    const expected = mergeVersions(db.listStories({ feed: 'latest', q: 'Roskomnadzor' }));
    expect(expected.map((card) => card.slug)).toContain(REFERENCE_SLUG);

    renderApp('/search?q=Roskomnadzor');
    const count = expected.length;
    expect(
      await screen.findByText(`${count} ${count === 1 ? 'result' : 'results'} for “Roskomnadzor”`),
    ).toBeInTheDocument();
    const results = screen.getByRole('list', { name: 'Search results' });
    expect(within(results).getByRole('link', { name: HEADLINE })).toHaveAttribute('href', `/article/${REFERENCE_SLUG}`);
    expect(within(screen.getByRole('main')).getByRole('searchbox', { name: 'Search stories' })).toHaveValue(
      'Roskomnadzor',
    );
  });

  it('says when nothing matches', async () => {
    renderApp('/search?q=zqxjvwk');
    expect(await screen.findByText('No stories match “zqxjvwk”')).toBeInTheDocument();
    expect(screen.queryByRole('list', { name: 'Search results' })).not.toBeInTheDocument();
  });

  it('prompts for a query when there is none, then searches what the reader types', async () => {
    const { user, router } = renderApp('/search');
    expect(await screen.findByText('Type a word or phrase to search the stories.')).toBeInTheDocument();
    expect(screen.queryByText(/results? for/)).not.toBeInTheDocument();

    const box = within(screen.getByRole('main')).getByRole('searchbox', { name: 'Search stories' });
    await user.type(box, 'Roskomnadzor{Enter}');
    expect(box).toHaveFocus();
    expect(router.state.location.search).toBe('?q=Roskomnadzor');
    const results = await screen.findByRole('list', { name: 'Search results' });
    expect(within(results).getByRole('link', { name: HEADLINE })).toBeInTheDocument();

    await user.clear(box);
    await user.type(box, 'zqxjvwk');
    await user.click(within(screen.getByRole('main')).getByRole('button', { name: 'Search' }));
    expect(await screen.findByText('No stories match “zqxjvwk”')).toBeInTheDocument();
    expect(router.state.location.search).toBe('?q=zqxjvwk');
  });
});
