// What a window's components read from their surroundings instead of props handed down every level:
// the broker's branding, the platform of the phone they are drawn in, and the window's session.
import { createContext } from 'svelte';
import type { Branding, Platform } from '../../main/api/views';
import type { Session } from './session.svelte';

/** The branding of the scenario now loaded; read `.current` where it is shown, so a new scenario redraws it. */
export interface BrandingRef {
  readonly current: Branding;
}

/** The platform of the phone a component is drawn in (iOS or Android look). */
export interface PlatformRef {
  readonly current: Platform;
}

/** Set once per window (App.svelte); every component below may read it. */
export const [brandingContext, setBrandingContext] = createContext<BrandingRef>();

/** Set by each phone (Phone.svelte), so the iPhone and the iPad of one stage each draw their own. */
export const [platformContext, setPlatformContext] = createContext<PlatformRef>();

/** The window's session (App.svelte): the stage and its second device read it. */
export const [sessionContext, setSessionContext] = createContext<Session>();

/** The round Home button of the phone a component is drawn in (an iPhone SE's), which is also its Touch ID sensor. */
export interface HomeButtonRef {
  /** Whether the phone has one (phone-frame.ts says which models do). */
  readonly present: boolean;
  /** Makes the button the Touch ID sensor: pressing it calls `touch` instead of going home, until the returned function is called. */
  arm(touch: () => void): () => void;
}

/** Set by each phone (Phone.svelte); IB Key's unlock prompt arms it when it asks for Touch ID. */
export const [homeButtonContext, setHomeButtonContext] = createContext<HomeButtonRef>();
