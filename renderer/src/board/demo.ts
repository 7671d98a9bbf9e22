/** The trigger of the demo's synthetic records (electron/core/demo/history.ts): labelled on every screen. */
export const DEMO_TRIGGER_TAG = 'demo';
