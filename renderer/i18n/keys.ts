// Every message id the windows may ask for: the keys of the English catalogues (the reference
// language; the build fails when another locale lacks one). A new surface file is added here once.
import type autopilot from './en/autopilot.json';
import type devices from './en/devices.json';
import type login from './en/login.json';
import type messages from './en/messages.json';
import type stage from './en/stage.json';
import type phone from './en/phone.json';
import type settings from './en/settings.json';
import type ibkr from './en/ibkr.json';
import type portal from './en/portal.json';

export type MessageId =
  | keyof typeof stage
  | keyof typeof phone
  | keyof typeof settings
  | keyof typeof ibkr
  | keyof typeof login
  | keyof typeof devices
  | keyof typeof messages
  | keyof typeof autopilot
  | keyof typeof portal;
