// A Guichets process as the command line runs one (`serve --schedule`, `run`): the core, its schedule, and Ctrl+C
// closing the core before the process ends. It probes the planning given now, says when the probe started, and
// leaves the rest to the signal the test sends. Arguments: data folder, planning id.
import { createCore } from '../../electron/core/api/create-core.js';

const [dataDir = '', planningId = ''] = process.argv.slice(2);
const core = createCore({ dataDir, appVersion: '0.0.0-test', env: { ...process.env, GUICHETS_TSA_URLS: 'none' }, log: (line) => process.stderr.write(`${line}\n`) });
process.once('SIGINT', () => {
  core.close().then(
    () => process.exit(0),
    () => process.exit(1),
  );
});
core.on('probe:started', () => process.stdout.write('started\n'));
await core.startSchedule();
core.api['probes:runNow']({ planningId }).catch(() => undefined);
