import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { db } from '../mocks/fixtures';
import { pwaOptions } from '../pwa.config';
import type { VideoBlock } from '../src/lib/api/schemas';
import { formatClock, spokenDuration } from '../src/lib/duration';

const isVideo = (block: { type: string }): block is VideoBlock => block.type === 'video';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const mediaDir = path.join(root, 'public/mock-media');

describe('clip lengths', () => {
  it('reads like a player and like speech', () => {
    expect(formatClock(65)).toBe('1:05');
    expect(formatClock(8)).toBe('0:08');
    expect(formatClock(3723)).toBe('1:02:03');
    expect(spokenDuration(65)).toBe('1 minute 5 seconds');
    expect(spokenDuration(60)).toBe('1 minute');
    expect(spokenDuration(1)).toBe('1 second');
    expect(spokenDuration(3723)).toBe('1 hour 2 minutes 3 seconds');
    expect(spokenDuration(0)).toBe('0 seconds');
  });
});

describe('mock media', () => {
  it('is small, and every file a fixture points to exists, with its WebVTT captions', () => {
    const files = readdirSync(mediaDir);
    const total = files.reduce((sum, file) => sum + statSync(path.join(mediaDir, file)).size, 0);
    expect(total).toBeLessThan(200 * 1024);
    const videos = db.data.stories.flatMap((story) => story.body.filter(isVideo));
    expect(videos.length).toBeGreaterThan(1);
    for (const video of videos) {
      for (const key of ['src', 'poster', 'subtitles'] as const) {
        const url = video[key];
        if (typeof url !== 'string') continue;
        expect(url.startsWith('/mock-media/'), url).toBe(true);
        expect(files).toContain(url.slice('/mock-media/'.length));
      }
      if (typeof video.subtitles === 'string') {
        expect(readFileSync(path.join(root, 'public', video.subtitles), 'utf8').startsWith('WEBVTT')).toBe(true);
      }
    }
  });

  it('every story with a video block says how long it is on its card', () => {
    const withVideo = db.data.stories.filter((story) => story.body.some(isVideo));
    expect(withVideo.map((story) => [story.slug, story.videoDuration])).toEqual(
      withVideo.map((story) => [story.slug, story.body.find(isVideo)!.duration]),
    );
  });

  it('keeps clips and captions out of the service worker precache, and the posters out of API builds', () => {
    const demo = pwaOptions({ withMockData: true }).workbox!;
    for (const pattern of demo.globPatterns!) expect(pattern).not.toMatch(/webm|mp4|vtt/);
    const api = pwaOptions({ withMockData: false }).workbox!;
    expect(api.globIgnores).toContain('mock-media/**');
  });
});
