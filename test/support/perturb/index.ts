// The variation test bed of the replicas: every replica page served with real-world variations.
export { startPerturbedServer, type PerturbedServer } from './server.js';
export { VARIATIONS, variation, type Variation } from './variations.js';
