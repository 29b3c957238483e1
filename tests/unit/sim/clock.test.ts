import { describe, expect, it } from 'vitest';
import { VirtualClock } from '../../../main/sim/clock.js';

describe('VirtualClock', () => {
  it('fires timers in due order, each seeing its own due time', () => {
    const clock = new VirtualClock(1000);
    const seen: string[] = [];
    clock.after(300, () => seen.push(`b@${clock.now()}`));
    clock.after(100, () => seen.push(`a@${clock.now()}`));
    clock.after(300, () => seen.push(`c@${clock.now()}`));
    clock.advance(299);
    expect(seen).toEqual(['a@1100']);
    clock.advance(1);
    expect(seen).toEqual(['a@1100', 'b@1300', 'c@1300']);
    expect(clock.now()).toBe(1300);
  });

  it('runs timers scheduled by timers within the same advance', () => {
    const clock = new VirtualClock(0);
    const seen: number[] = [];
    clock.after(10, () => clock.after(10, () => seen.push(clock.now())));
    clock.advance(25);
    expect(seen).toEqual([20]);
    expect(clock.now()).toBe(25);
  });

  it('cancels timers and never goes backwards', () => {
    const clock = new VirtualClock(0);
    let fired = false;
    const id = clock.after(5, () => (fired = true));
    clock.cancel(id);
    clock.advance(10);
    expect(fired).toBe(false);
    expect(clock.pending()).toBe(0);
    expect(() => clock.advanceTo(5)).toThrow(RangeError);
    expect(() => clock.advance(-1)).toThrow(RangeError);
  });
});
