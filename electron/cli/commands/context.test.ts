// Ctrl+C on `run`, `serve` or `demo`: one clean close, whatever signal follows while it closes.
import { describe, expect, it, vi } from 'vitest';
import { wordsFor } from '../words.js';
import { wordCore } from '../../core/messages.js';
import { actionRefused, untilInterrupted, type CommandContext } from './context.js';

describe('untilInterrupted', () => {
  it('closes once when Ctrl+C is followed by a stop from the system, and gives the second signal back', async () => {
    const before = { int: process.listenerCount('SIGINT'), term: process.listenerCount('SIGTERM') };
    const close = vi.fn(() => new Promise<void>((resolve) => setTimeout(resolve, 20)));
    const stderr = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    try {
      const context = { words: wordsFor('fr') } as CommandContext;
      const done = untilInterrupted(context, close);
      process.emit('SIGINT');
      // A service manager (or `timeout`) stopping it while it closes: that close is not started a second time.
      process.emit('SIGTERM');
      await expect(done).resolves.toBe(0);
      expect(close).toHaveBeenCalledTimes(1);
      expect({ int: process.listenerCount('SIGINT'), term: process.listenerCount('SIGTERM') }).toEqual(before);
    } finally {
      stderr.mockRestore();
    }
  });
});

describe('actionRefused', () => {
  it('says what to type when the action is missing, and names a mistyped one', () => {
    const missing = actionRefused('plannings', undefined, ['list', 'add']);
    expect(missing.message).toBe('plannings : indiquez une action (list, add), par exemple : npm run cli -- plannings list. Voir : npm run cli -- --help');
    expect(missing.coreMessage && wordCore(missing.coreMessage, 'en')).toBe(
      'plannings: give an action (list, add), for instance: npm run cli -- plannings list. See: npm run cli -- --help',
    );
    expect(actionRefused('seals', 'lst', ['list']).message).toBe('seals : action inconnue « lst » ; actions : list. Voir : npm run cli -- --help');
  });
});
