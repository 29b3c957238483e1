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

  it('speaks in the call\'s language, with a voice of that language when the machine has one', () => {
    const spoken: { text: string; lang: string; voice: { name: string } | null }[] = [];
    const voices = [
      { name: 'Samantha', lang: 'en-US' },
      { name: 'Amélie', lang: 'fr-CA' },
      { name: 'Thomas', lang: 'fr-FR' },
    ];
    vi.stubGlobal('speechSynthesis', { cancel: () => {}, getVoices: () => voices, speak: (u: (typeof spoken)[number]) => spoken.push(u) });
    vi.stubGlobal(
      'SpeechSynthesisUtterance',
      class {
        lang = '';
        voice = null;
        constructor(readonly text: string) {}
      },
    );
    speak('Votre Code de sécurité est 1, 2, 3', 'fr-FR');
    expect(spoken.at(-1)).toMatchObject({ lang: 'fr-FR', voice: { name: 'Thomas' } });
    // No voice of that very region: one of the same language.
    voices.splice(2, 1);
    speak('Votre Code de sécurité est 1, 2, 3', 'fr-FR');
    expect(spoken.at(-1)).toMatchObject({ lang: 'fr-FR', voice: { name: 'Amélie' } });
    // No voice of the language at all: the tag still sets the pronunciation, the default voice reads.
    speak('Ihr Code', 'de-DE');
    expect(spoken.at(-1)).toMatchObject({ lang: 'de-DE', voice: null });
    speak('Your security code is 1, 2, 3');
    expect(spoken.at(-1)).toMatchObject({ lang: 'en-US', voice: { name: 'Samantha' } });
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
