// Phone frames by model: the Home button (and Touch ID on it) of the SE, the notch of the 13 and 14, the Dynamic Island from the 14 Pro and 15 on, Android's punch-hole.
import { describe, expect, it } from 'vitest';
import { frameKind, phoneFrame } from '../../../renderer/lib/phone-frame.js';
import { demoSim } from '../helpers.js';

describe('frameKind', () => {
  it('gives every iPhone SE, and the iPhones up to the 8, a Home button', () => {
    for (const model of ['iPhone SE', 'iPhone SE (2nd generation)', 'iPhone SE (3rd generation)', 'iPhone 8', 'iPhone 8 Plus', 'iPhone 7', 'iPhone 6s', 'iPhone 6s Plus', 'iPhone 5s']) {
      expect(frameKind('ios', model), model).toBe('homeButton');
    }
  });

  it('gives the iPhone X to 14 (and the 16e) the notch', () => {
    for (const model of ['iPhone X', 'iPhone XR', 'iPhone XS Max', 'iPhone 11', 'iPhone 12 mini', 'iPhone 13', 'iPhone 13 Pro Max', 'iPhone 14', 'iPhone 14 Plus', 'iPhone 16e']) {
      expect(frameKind('ios', model), model).toBe('notch');
    }
  });

  it('gives the 14 Pro and every iPhone from the 15 on the Dynamic Island, and so an unknown iPhone', () => {
    for (const model of ['iPhone 14 Pro', 'iPhone 14 Pro Max', 'iPhone 15', 'iPhone 15 Pro', 'iPhone 16', 'iPhone 16 Pro Max', 'iPhone 17 Air', 'iPhone']) {
      expect(frameKind('ios', model), model).toBe('island');
    }
  });

  it('gives Android phones the punch-hole camera, and tablets a plain frame', () => {
    for (const model of ['Google Pixel 8', 'Google Pixel 7', 'Samsung Galaxy S23']) expect(frameKind('android', model), model).toBe('punchHole');
    expect(frameKind('ios', 'iPad Air')).toBe('tablet');
    expect(frameKind('android', 'Samsung Galaxy Tab S9')).toBe('tablet');
  });
});

describe('phoneFrame', () => {
  it('the SE: a Home button (its Touch ID sensor), no camera cut-out, no gesture bar, "Press Home to open"', () => {
    expect(phoneFrame('ios', 'iPhone SE')).toEqual({ kind: 'homeButton', homeButton: true, camera: 'none', gestureBar: false, lockHint: 'phone.lock.hint.home' });
  });

  it('the notch and the island: a gesture bar and "Swipe up to open"; Android: its punch-hole and "Swipe up to unlock"', () => {
    expect(phoneFrame('ios', 'iPhone 13')).toEqual({ kind: 'notch', homeButton: false, camera: 'notch', gestureBar: true, lockHint: 'phone.lock.hint.ios' });
    expect(phoneFrame('ios', 'iPhone 15')).toEqual({ kind: 'island', homeButton: false, camera: 'island', gestureBar: true, lockHint: 'phone.lock.hint.ios' });
    expect(phoneFrame('android', 'Google Pixel 8')).toEqual({ kind: 'punchHole', homeButton: false, camera: 'punchHole', gestureBar: true, lockHint: 'phone.lock.hint.android' });
    expect(phoneFrame('ios', 'iPad Air')).toMatchObject({ kind: 'tablet', homeButton: false, camera: 'none', gestureBar: true });
  });

  it('draws each phone of the demo accounts in its own frame', () => {
    const frames = Object.fromEntries(demoSim().getWorld().phones.map((p) => [p.model, phoneFrame(p.platform, p.model).kind]));
    expect(frames).toEqual({
      'iPhone 14': 'notch',
      'iPhone 15 Pro': 'island',
      'Google Pixel 8': 'punchHole',
      'iPhone SE': 'homeButton',
      'iPad Air': 'tablet',
      'Samsung Galaxy S23': 'punchHole',
      'iPhone 13': 'notch',
      // The new phones for IB Key's migration.
      'iPhone 16': 'island',
      'Google Pixel 9': 'punchHole',
    });
  });
});
