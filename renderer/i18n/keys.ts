// Every message id the windows may ask for: the keys of the English catalogues (the reference
// language; the build fails when another locale lacks one). A new surface file is added here once.
import type autopilot from './en/autopilot.json';
import type stage from './en/stage.json';

export type MessageId = keyof typeof stage | keyof typeof autopilot;
