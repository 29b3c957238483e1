// Ambient types of the renderer: Svelte's (components, runes) and the Electron preload's bridge.
/// <reference types="svelte" />
import type { Bridge } from '../main/api/bridge';

declare global {
  interface Window {
    /** Present only in Electron windows (preload/preload.ts). Only renderer/lib/client.ts reads it. */
    readonly sls?: Bridge;
  }
}
