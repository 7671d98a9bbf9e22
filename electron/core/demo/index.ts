// The demo's parts below the API: its replica préfectures, its plannings, their made-up past. Put together by
// api/demo-core.ts, the one entry the command line uses for the demo.
export { DEMO_TRIGGER, writeDemoHistory } from './history.js';
export { syncDemoPlannings } from './plannings.js';
export { startDemoReplicas, type DemoPlanning, type DemoPrefectures, type DemoReplicas } from './replicas.js';
