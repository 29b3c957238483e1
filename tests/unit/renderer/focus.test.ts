// Focus moves inside a phone only when nothing else on the stage holds it (the login window keeps its typing).
import { afterEach, describe, expect, it, vi } from 'vitest';
import { focusInPhone } from '../../../renderer/lib/focus.js';

afterEach(() => {
  vi.unstubAllGlobals();
});

/** Just enough of the DOM: a phone (its section) holding elements, the body, and where the focus is. */
function stage() {
  const body = { name: 'body' };
  const doc = { body, activeElement: body as unknown };
  const phone = { members: new Set<unknown>(), contains: (el: unknown) => phone.members.has(el) };
  class Input {
    selected = false;
    focus() {
      doc.activeElement = this;
    }
    select() {
      this.selected = true;
    }
    closest(selector: string) {
      return selector === 'section' ? phone : null;
    }
  }
  vi.stubGlobal('HTMLInputElement', Input);
  vi.stubGlobal('document', doc);
  const input = () => {
    const el = new Input();
    phone.members.add(el);
    return el;
  };
  return { doc, input, outside: { name: 'login field' } };
}

describe('focusInPhone', () => {
  it('focuses (and selects) a field when the focus is nowhere or already in the same phone', () => {
    const { doc, input } = stage();
    const pin = input();
    focusInPhone(pin as unknown as HTMLInputElement, true);
    expect(doc.activeElement).toBe(pin);
    expect(pin.selected).toBe(true);
    const other = input();
    focusInPhone(other as unknown as HTMLInputElement);
    expect(doc.activeElement).toBe(other);
    expect(other.selected).toBe(false);
  });

  it('leaves the focus where it is when another window holds it, and ignores a missing element', () => {
    const { doc, input, outside } = stage();
    doc.activeElement = outside;
    const pin = input();
    focusInPhone(pin as unknown as HTMLInputElement, true);
    expect(doc.activeElement).toBe(outside);
    expect(pin.selected).toBe(false);
    expect(() => focusInPhone(undefined)).not.toThrow();
  });
});
