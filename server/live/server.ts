/**
 * Socket.IO server for live session rooms, namespace /live. Embedded mode uses the in-memory adapter; with
 * REDIS_URL the Redis streams adapter lets rooms span nodes and, with connection-state recovery, a phone that
 * drops briefly receives the events it missed. Connections authenticate in middleware before any event.
 */
import type { Server as HttpServer } from 'node:http';
import { createAdapter } from '@socket.io/redis-streams-adapter';
import { Redis } from 'ioredis';
import type { Logger } from 'pino';
import { Server } from 'socket.io';
import { identify, type CredentialSource, type Principal } from '../http/auth.js';
import { attachGateway, namespaceBroadcaster, type GatewayOptions, type LiveMetrics } from './gateway.js';

export interface LiveServer {
  io: Server;
  /** Counters of refused and unknown client events (absent without the session gateway). */
  metrics?: LiveMetrics;
  close(): Promise<void>;
}

export interface LiveOptions {
  logger: Logger;
  credentials: CredentialSource[];
  redisUrl?: string;
  /** The session gateway; without it the namespace authenticates and nothing more (tests of the transport). */
  gateway?: Omit<GatewayOptions, 'logger'>;
  /**
   * Redis key namespace of the adapter's stream and recovery sessions, so deployments (or test runs) sharing one
   * Redis do not hear each other's rooms. Default `zonematch`.
   */
  redisNamespace?: string;
  /** How long a dropped connection's missed events are kept for it (connection-state recovery). */
  recoveryMs?: number;
}

/** Events are small; a 64 KB cap keeps a misbehaving client from exhausting memory. */
const MAX_PAYLOAD_BYTES = 64 * 1024;

export function createLiveServer(httpServer: HttpServer, options: LiveOptions): LiveServer {
  const redis = options.redisUrl ? new Redis(options.redisUrl, { maxRetriesPerRequest: null }) : undefined;
  const io = new Server(httpServer, {
    serveClient: false,
    maxHttpBufferSize: MAX_PAYLOAD_BYTES,
    cors: { origin: false },
    ...(redis ? { adapter: createAdapter(redis, { streamName: `${options.redisNamespace ?? 'zonematch'}:socket.io`, sessionKeyPrefix: `${options.redisNamespace ?? 'zonematch'}:sio:session:` }), connectionStateRecovery: { maxDisconnectionDuration: options.recoveryMs ?? 2 * 60 * 1000 } } : {}),
  });

  const live = io.of('/live');
  live.use((socket, next) => {
    const token: unknown = (socket.handshake.auth as Record<string, unknown> | undefined)?.token;
    if (typeof token !== 'string' || token.length === 0 || token.length > 512) {
      next(new Error('authentication required: connect with auth: { token }'));
      return;
    }
    identify(options.credentials, token).then((principal) => {
      if (!principal) {
        next(new Error('invalid or expired token'));
        return;
      }
      (socket.data as { principal?: Principal }).principal = principal;
      next();
    }, (error: unknown) => {
      options.logger.error({ err: error }, 'live authentication failed');
      next(new Error('authentication unavailable, try again'));
    });
  });

  let metrics: LiveMetrics | undefined;
  if (options.gateway) {
    metrics = attachGateway(live, { ...options.gateway, logger: options.logger });
    options.gateway.live.attach(namespaceBroadcaster(live));
  }

  return {
    io,
    ...(metrics ? { metrics } : {}),
    async close() {
      io.disconnectSockets(true);
      await new Promise<void>((resolve) => {
        // io.close() also closes the HTTP server; callers close that themselves, so ignore "not running".
        void io.close(() => resolve());
      });
      redis?.disconnect();
    },
  };
}
