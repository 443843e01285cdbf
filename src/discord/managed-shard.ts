/**
 * A shard a ShardingManager (`npm run start:sharded`) spawned lives only as long as its manager: when the manager's
 * channel closes (it exited or was killed), the shard shuts down as on SIGTERM rather than keep its gateway
 * sessions open with no one to stop or respawn it.
 */
import process from 'node:process';
import type { Client } from 'discord.js';
import type { Logger } from '../log.js';

/** Call once the client exists; does nothing outside a ShardingManager's child process. */
export function stopWithManager(client: Client, log: Logger): void {
  if (client.shard?.mode !== 'process' || !process.connected) return;
  process.once('disconnect', () => {
    log.warn('the sharding manager is gone; shutting down');
    process.kill(process.pid, 'SIGTERM');
  });
}
