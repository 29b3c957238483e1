// The director's own window (Electron) opens on #director.
import { describe, expect, it } from 'vitest';
import { parseRoute } from '../../../renderer/lib/route.js';

describe('director route', () => {
  it('opens the director on #director', () => {
    expect(parseRoute('#director')).toEqual({ view: 'director' });
    expect(parseRoute('#/director')).toEqual({ view: 'director' });
  });

  it('is not confused with other words', () => {
    expect(parseRoute('#directors')).toEqual({ view: 'stage' });
    expect(parseRoute('')).toEqual({ view: 'stage' });
  });
});
