/**
 * One client group of the live-rooms benchmark in its own process, steered by bench/live.bench.ts over IPC, so the
 * parent's event loop is not the one receiving every fan-out. Exits when the parent goes away.
 */
import { ClientGroup } from './live-clients.js';
import type { ParentToWorker, WorkerToParent } from './live-protocol.js';

if (!process.send) throw new Error('bench/live-client-worker.ts runs as a child of bench/live.bench.ts (with an IPC channel)');

const group = new ClientGroup();
const send = (message: WorkerToParent) => process.send?.(message);

const exit = () => {
  group.close();
  process.exit(0);
};
process.on('disconnect', exit);
process.on('SIGTERM', exit);

process.on('message', (raw: unknown) => {
  const message = raw as ParentToWorker;
  const reply = (work: Promise<WorkerToParent> | WorkerToParent) =>
    Promise.resolve(work).then(send, (error: unknown) => send({ type: 'failed', message: error instanceof Error ? error.message : String(error) }));
  switch (message.type) {
    case 'connect':
      void reply(group.connect(message.url, message.tokens, message.batch, message.node).then((result) => ({ type: 'connected', result })));
      break;
    case 'round':
      void reply(group.round(message.slot, message.timeoutMs).then((result) => ({ type: 'round', result })));
      break;
    case 'counts':
      void reply({ type: 'counts', result: group.counts() });
      break;
    case 'close':
      group.close();
      void reply({ type: 'closed' });
      break;
    case 'stop':
      exit();
      break;
  }
});
