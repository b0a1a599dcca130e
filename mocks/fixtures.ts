/** Loads the fixtures through Vite (browser and Vitest). Adding a story = adding a file in mocks/stories/. */
import { createDb, type MockData, type StoryFixture } from './db';
import taxonomy from './taxonomy.json';
import trending from './trending.json';

const storyModules = import.meta.glob<StoryFixture>('./stories/*.json', { eager: true, import: 'default' });

export const mockData: MockData = {
  stories: Object.values(storyModules),
  trending: trending.slugs,
  taxonomy,
};

export const db = createDb(mockData);
