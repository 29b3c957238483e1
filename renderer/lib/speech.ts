// Speaking a call's words aloud where the platform can; the captions carry them regardless, so nothing waits on this.

/** Starts reading `text` aloud, replacing whatever was being read; silently does nothing without speech synthesis. */
export function speak(text: string): void {
  try {
    const synth = globalThis.speechSynthesis as SpeechSynthesis | undefined;
    if (!synth || typeof SpeechSynthesisUtterance === 'undefined') return;
    synth.cancel();
    const utterance = new SpeechSynthesisUtterance(text);
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
