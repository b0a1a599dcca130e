// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { resolveMockClock } from '../mocks/clock';
import { createDb } from '../mocks/db';
import { mockData } from '../mocks/fixtures';
import { mapStorage } from './mapStorage';

const CYCLONE = 'cyclone-warning-issued-for-mozambique-coast-as-storm-strengthens';

describe("the mock API's clock", () => {
  it('shows the API as it was: later stories not there yet, an updated story in its earlier state', () => {
    const db = createDb(mockData);
    const all = db.listStories({ feed: 'latest' });
    const cyclone = db.findStory(CYCLONE)!;
    const morning = Date.parse(cyclone.publishedAt) + 60 * 60_000;
    db.setClock(morning);
    const then = db.listStories({ feed: 'latest' });
    expect(then.length).toBeLessThan(all.length);
    expect(then.every((story) => Date.parse(story.publishedAt) <= morning)).toBe(true);
    expect(db.findStory(CYCLONE)).toMatchObject({
      headline: 'Cyclone watch issued for Mozambique coast',
      updatedAt: cyclone.publishedAt,
    });
    expect(db.findStory(all[0]!.slug)).toBeNull();

    db.setClock(Date.parse(cyclone.updatedAt) + 1);
    expect(db.findStory(CYCLONE)?.headline).toBe(cyclone.headline);
    db.setClock(null);
    expect(db.listStories({ feed: 'latest' })).toEqual(all);
    expect(db.findStory(CYCLONE)).not.toHaveProperty('earlier');
  });

  it('is set by ?mockClock=, kept for the session, and turned off with off', () => {
    const storage = mapStorage();
    expect(resolveMockClock('', storage)).toBeNull();
    expect(resolveMockClock('?mockClock=2026-02-11T20:00:00Z', storage)).toBe(Date.parse('2026-02-11T20:00:00Z'));
    expect(resolveMockClock('?scenario=slow', storage)).toBe(Date.parse('2026-02-11T20:00:00Z'));
    expect(resolveMockClock('?mockClock=off', storage)).toBeNull();
    expect(resolveMockClock('', storage)).toBeNull();
  });
});
