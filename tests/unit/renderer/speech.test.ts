// Speaking a call's words: through the platform's speech synthesis when there is one, silently nothing otherwise.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { speak, stopSpeaking } from '../../../renderer/lib/speech.js';

afterEach(() => {
  vi.unstubAllGlobals();
});

function synthesis() {
  const log: string[] = [];
  vi.stubGlobal('speechSynthesis', { cancel: () => log.push('cancel'), speak: (u: { text: string; rate: number }) => log.push(`speak ${u.text} @${u.rate}`) });
  vi.stubGlobal(
    'SpeechSynthesisUtterance',
    class {
      rate = 1;
      constructor(readonly text: string) {}
    },
  );
  return log;
}

describe('speech', () => {
  it('replaces what was being read, slowly, and stops on request', () => {
    const log = synthesis();
    speak('Your security code is 1, 2, 3');
    expect(log).toEqual(['cancel', 'speak Your security code is 1, 2, 3 @0.85']);
    stopSpeaking();
    expect(log.at(-1)).toBe('cancel');
  });

  it('does nothing, and throws nothing, without speech synthesis or when it refuses', () => {
    expect(() => speak('x')).not.toThrow();
    expect(() => stopSpeaking()).not.toThrow();
    const refusing = { cancel: () => { throw new Error('not allowed'); }, speak: vi.fn() };
    vi.stubGlobal('speechSynthesis', refusing);
    vi.stubGlobal('SpeechSynthesisUtterance', class {});
    expect(() => speak('x')).not.toThrow();
    expect(() => stopSpeaking()).not.toThrow();
    expect(refusing.speak).not.toHaveBeenCalled();
  });
});
