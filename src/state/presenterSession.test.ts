import { describe, expect, it } from 'vitest';
import { clockText, commandForKey, presenterSlide, readEnvelope, stepTo } from './presenterSession';

describe('presenter view: steps', () => {
  it('Next and Previous move one step and stop at either end; Home goes to the first', () => {
    expect(stepTo(0, 6, 'next')).toBe(1);
    expect(stepTo(3, 6, 'previous')).toBe(2);
    expect(stepTo(5, 6, 'next')).toBe(5);
    expect(stepTo(0, 6, 'previous')).toBe(0);
    expect(stepTo(4, 6, 'first')).toBe(0);
    expect(stepTo(0, 0, 'next')).toBe(0);
  });

  it('shows the current and next step and n of N; nothing after the last', () => {
    const steps = [{ name: 'Overview' }, { name: 'Plan', caption: 'Faults' }, { name: 'Long section' }];
    expect(presenterSlide(steps, 1)).toEqual({ current: { name: 'Plan', caption: 'Faults' }, next: { name: 'Long section' }, n: 2, total: 3 });
    expect(presenterSlide(steps, 2).next).toBeUndefined();
  });

  it('reads a clicker and the keyboard as the audience window does', () => {
    for (const key of ['ArrowRight', 'ArrowDown', 'PageDown', ' ', 'Enter']) expect(commandForKey(key)).toEqual({ kind: 'go', to: 'next' });
    for (const key of ['ArrowLeft', 'ArrowUp', 'PageUp', 'Backspace']) expect(commandForKey(key)).toEqual({ kind: 'go', to: 'previous' });
    expect(commandForKey('Home')).toEqual({ kind: 'go', to: 'first' });
    expect(commandForKey('Escape')).toEqual({ kind: 'stop' });
    expect(commandForKey('a')).toBeNull();
  });
});

describe('presenter view: elapsed time', () => {
  it('is minutes and seconds, hours past the hour, never negative', () => {
    expect(clockText(0)).toBe('00:00');
    expect(clockText(999)).toBe('00:00');
    expect(clockText(65_000)).toBe('01:05');
    expect(clockText(59 * 60_000 + 59_999)).toBe('59:59');
    expect(clockText(3_723_000)).toBe('1:02:03');
    expect(clockText(-5000)).toBe('00:00');
  });
});

describe('presenter view: messages', () => {
  const ok = { session: 's1', from: 'presenter', id: 'p-1', body: { kind: 'hello' } };
  it('takes a message of its session from the other side', () => {
    expect(readEnvelope(ok, 's1', 'presenter')).toEqual(ok);
  });
  it('ignores another session, its own side, and anything that is not a message', () => {
    expect(readEnvelope({ ...ok, session: 's2' }, 's1', 'presenter')).toBeNull();
    expect(readEnvelope(ok, 's1', 'audience')).toBeNull();
    expect(readEnvelope({ ...ok, id: 3 }, 's1', 'presenter')).toBeNull();
    expect(readEnvelope({ ...ok, body: null }, 's1', 'presenter')).toBeNull();
    expect(readEnvelope('hello', 's1', 'presenter')).toBeNull();
    expect(readEnvelope(null, 's1', 'presenter')).toBeNull();
  });
});
