// The login window's view before any login (and after one ends): what both sides show on the first screen.
// Dependency-free at run time (types only), so the renderer may import it; the simulation builds its refusals on it.
import type { LoginView } from './views.js';
import type { LoginSurface, TradingMode } from './vocabulary.js';

export function blankLoginView(mode: TradingMode, now = 0, surface: LoginSurface = 'tws'): LoginView {
  return {
    loginId: null,
    step: 'credentials',
    mode,
    surface,
    username: '',
    error: null,
    notice: null,
    devices: [],
    device: null,
    resendAvailableAt: null,
    voiceAvailableAt: null,
    resendChannels: { sms: false, voice: false },
    challenge: null,
    cardIndexes: null,
    enrolment: null,
    readOnly: false,
    connectionAttempt: null,
    portal: null,
    now,
  };
}
