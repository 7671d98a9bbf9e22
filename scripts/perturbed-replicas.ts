// Starts the replica préfectures behind every variation of the test bed (test/support/perturb), on
// 127.0.0.1, and prints one address per variation, to try the robot as a user would:
//   npx tsx scripts/perturbed-replicas.ts        then, in another terminal,
//   npm run -s cli -- probe <printed address>/booking/create/9829/0 --guichet 9833 --json
// Ctrl+C stops them.
import { systemClock } from '../electron/core/clock.js';
import { startReplicaServer } from '../electron/replicas/index.js';
import { startPerturbedServer, VARIATIONS } from '../test/support/perturb/index.js';

const replicas = await startReplicaServer({ clock: systemClock });
const servers = await Promise.all(VARIATIONS.map((v) => startPerturbedServer(replicas.origin, v.name)));
process.stdout.write(`Répliques : ${replicas.origin}\n`);
for (const server of servers) process.stdout.write(`${server.variation.name.padEnd(18)} ${server.origin}  (${server.variation.label})\n`);
process.once('SIGINT', () => {
  void Promise.all(servers.map((s) => s.close())).then(() => replicas.close()).then(() => process.exit(0));
});
