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

export interface LiveServer {
  io: Server;
  close(): Promise<void>;
}

export interface LiveOptions {
  logger: Logger;
  credentials: CredentialSource[];
  redisUrl?: string;
}

/** Events are small; a 64 KB cap keeps a misbehaving client from exhausting memory. */
const MAX_PAYLOAD_BYTES = 64 * 1024;

export function createLiveServer(httpServer: HttpServer, options: LiveOptions): LiveServer {
  const redis = options.redisUrl ? new Redis(options.redisUrl, { maxRetriesPerRequest: null }) : undefined;
  const io = new Server(httpServer, {
    serveClient: false,
    maxHttpBufferSize: MAX_PAYLOAD_BYTES,
    cors: { origin: false },
    ...(redis ? { adapter: createAdapter(redis), connectionStateRecovery: { maxDisconnectionDuration: 2 * 60 * 1000 } } : {}),
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

  return {
    io,
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
