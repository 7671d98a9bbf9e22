// The probe engine: find a browser, visit a booking page like a person would, and return what it said.
export { ADAPTERS, adapterFor, detectSystem, GuichetChoiceError } from './adapters/index.js';
export { BROWSER_ENV, browserCandidates, createBrowserHost, findBrowser, LAUNCH_ARGS, VIEWPORT, type FindBrowserOptions } from './browser.js';
export { checkBrowserProgram, launchArgs, SANDBOX, sandboxDecision, type SandboxDecision, type SandboxFacts } from './browser.js';
export { captionLines, OUTCOME_WORDS, type CaptionFacts } from './caption.js';
export { formatParis, formatUtc, frenchSlot } from './format.js';
export { createProber, type ProbeCaption, type Prober, type ProberOptions } from './prober.js';
export type { Adapter, AdapterContext, AdapterResult, ProbeResult, ProbeTarget } from './types.js';
export { createAssistedSessions, type AssistedSessions, type AssistedStatus } from './assisted.js';
export { describeStep, parseStepsSpec, stepsSpecSchema, type StepsTrial } from './adapters/steps.js';
export { createPublicNetwork, isPrivateAddress, type Lookup, type PublicNetwork } from './private-network.js';
