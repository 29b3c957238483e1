// Speaking a call's words aloud where the platform can; the captions carry them regardless, so nothing waits on this.

/** A voice of the machine's for `tag` (`fr-FR`): that very tag, else the same language (`fr-CA`), else none (the default voice). */
function voiceFor(synth: SpeechSynthesis, tag: string): SpeechSynthesisVoice | undefined {
  const voices = typeof synth.getVoices === 'function' ? synth.getVoices() : [];
  const language = tag.split('-')[0]!.toLowerCase();
  return voices.find((v) => v.lang.toLowerCase() === tag.toLowerCase()) ?? voices.find((v) => v.lang.toLowerCase().split(/[-_]/)[0] === language);
}

/**
 * Starts reading `text` aloud in the language `tag` names (the call's, `fr-FR` for a French client),
 * replacing whatever was being read; silently does nothing without speech synthesis.
 */
export function speak(text: string, tag = 'en-US'): void {
  try {
    const synth = globalThis.speechSynthesis as SpeechSynthesis | undefined;
    if (!synth || typeof SpeechSynthesisUtterance === 'undefined') return;
    synth.cancel();
    const utterance = new SpeechSynthesisUtterance(text);
    // The language picks the pronunciation even when the machine has no voice of its own for it.
    utterance.lang = tag;
    const voice = voiceFor(synth, tag);
    if (voice) utterance.voice = voice;
    // Automated callers read codes slowly, digit by digit.
    utterance.rate = 0.85;
    synth.speak(utterance);
  } catch {
    // No voice on this machine, or the browser refused: the captions are on screen anyway.
  }
}

export function stopSpeaking(): void {
  try {
    (globalThis.speechSynthesis as SpeechSynthesis | undefined)?.cancel();
  } catch {
    // Nothing was speaking.
  }
}
