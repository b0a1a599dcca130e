import { describe, expect, it } from 'vitest';
import { eachInItsOwnTask } from '../src/lib/wait';

describe('eachInItsOwnTask', () => {
  it('runs each item in a task of its own, in order, and waits for what it returns', async () => {
    const log: string[] = [];
    setTimeout(() => log.push('task queued before'), 0);
    await eachInItsOwnTask(['a', 'b', 'c'], async (item) => {
      log.push(item);
      // Work queued by one item runs before the next item does.
      setTimeout(() => log.push(`task after ${item}`), 0);
      await Promise.resolve();
      log.push(`${item} done`);
    });
    expect(log).toEqual([
      'task queued before',
      'a',
      'a done',
      'task after a',
      'b',
      'b done',
      'task after b',
      'c',
      'c done',
    ]);
  });
});
