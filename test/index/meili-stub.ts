/**
 * A local HTTP server that answers like Meilisearch for the calls the adapter makes, and records every request.
 * Tests assert on the recorded method, path, headers and JSON body, and steer task outcomes per task uid.
 */
import { createServer, type IncomingHttpHeaders, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedRequest {
  method: string;
  /** Path with query string, e.g. `/indexes/zonematch_x/search`. */
  path: string;
  headers: IncomingHttpHeaders;
  /** Parsed JSON body, or undefined when there was none. */
  body: unknown;
}

export interface StubTask {
  taskUid: number;
  indexUid: string | null;
  type: string;
  /** Statuses successive GET /tasks/:uid return; the last one repeats. */
  statuses: string[];
  error?: { message: string; code: string; type: string; link: string };
}

export interface StubReply {
  status: number;
  body?: unknown;
}

export class MeiliStub {
  readonly requests: RecordedRequest[] = [];
  readonly tasks = new Map<number, StubTask>();
  readonly indexes = new Set<string>();
  /** Override for POST /indexes/:uid/search. */
  /** Hit counts the multi-search route reports, by query. */
  counts: Record<string, number> = {};
  searchReply: StubReply = { status: 200, body: { hits: [], estimatedTotalHits: 0, offset: 0, limit: 20, query: '' } };
  /** Statuses and error for the next enqueued tasks, consumed in order (default: succeeds at once). */
  readonly plans: Pick<StubTask, 'statuses' | 'error'>[] = [];
  /** When set, answers every request not yet answered by the routes (e.g. to stall or to fail). */
  intercept: ((request: RecordedRequest, response: ServerResponse) => boolean) | undefined;

  #server: Server | undefined;
  #nextTaskUid = 1;

  get url(): string {
    const address = this.#server?.address() as AddressInfo | null | undefined;
    if (!address) throw new Error('stub not started');
    return `http://127.0.0.1:${address.port}`;
  }

  async start(): Promise<this> {
    this.#server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        const request: RecordedRequest = {
          method: req.method ?? 'GET',
          path: req.url ?? '/',
          headers: req.headers,
          body: text === '' ? undefined : (JSON.parse(text) as unknown),
        };
        this.requests.push(request);
        if (this.intercept?.(request, res)) return;
        const reply = this.#route(request);
        res.writeHead(reply.status, { 'content-type': 'application/json' });
        res.end(reply.body === undefined ? '' : JSON.stringify(reply.body));
      });
    });
    await new Promise<void>((resolve) => this.#server!.listen(0, '127.0.0.1', resolve));
    return this;
  }

  async stop(): Promise<void> {
    const server = this.#server;
    if (!server) return;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  /** Every request as method, path and body: what tests usually assert on. */
  calls(): { method: string; path: string; body: unknown }[] {
    return this.requests.map(({ method, path, body }) => ({ method, path, body }));
  }

  reset(): void {
    this.requests.length = 0;
    this.plans.length = 0;
    this.intercept = undefined;
  }

  #enqueue(indexUid: string | null, type: string): StubReply {
    const taskUid = this.#nextTaskUid++;
    const plan = this.plans.shift() ?? { statuses: ['succeeded'] };
    this.tasks.set(taskUid, { taskUid, indexUid, type, ...plan });
    return { status: 202, body: { taskUid, indexUid, status: 'enqueued', type, enqueuedAt: new Date().toISOString() } };
  }

  #route({ method, path, body }: RecordedRequest): StubReply {
    const url = new URL(path, 'http://stub');
    const parts = url.pathname.split('/').filter(Boolean).map(decodeURIComponent);
    const [root, uid, sub, action] = parts;

    if (method === 'GET' && root === 'health') return { status: 200, body: { status: 'available' } };

    if (root === 'tasks' && method === 'GET' && uid !== undefined) {
      const task = this.tasks.get(Number(uid));
      if (!task) return notFound('task_not_found', `Task \`${uid}\` not found.`);
      const status = task.statuses.length > 1 ? task.statuses.shift()! : task.statuses[0]!;
      const finished = status !== 'enqueued' && status !== 'processing';
      return {
        status: 200,
        body: {
          uid: task.taskUid,
          batchUid: null,
          indexUid: task.indexUid,
          status,
          type: task.type,
          canceledBy: null,
          details: {},
          error: status === 'failed' ? (task.error ?? null) : null,
          duration: finished ? 'PT0.001S' : null,
          enqueuedAt: new Date().toISOString(),
          startedAt: null,
          finishedAt: null,
        },
      };
    }

    if (root === 'multi-search' && method === 'POST') {
      const queries = (body as { queries?: { indexUid: string; q?: string }[] } | undefined)?.queries ?? [];
      return {
        status: 200,
        body: {
          results: queries.map(({ indexUid, q = '' }) => ({
            indexUid,
            hits: [],
            query: q,
            limit: 1,
            offset: 0,
            processingTimeMs: 0,
            estimatedTotalHits: this.counts[q] ?? 0,
          })),
        },
      };
    }

    if (root !== 'indexes') return notFound('not_found', 'Not found');
    if (uid === undefined && method === 'POST') {
      const { uid: newUid } = body as { uid: string };
      this.indexes.add(newUid);
      return this.#enqueue(newUid, 'indexCreation');
    }
    if (uid === undefined) return notFound('not_found', 'Not found');
    if (sub === undefined && method === 'GET') {
      if (!this.indexes.has(uid)) return notFound('index_not_found', `Index \`${uid}\` not found.`);
      const now = new Date().toISOString();
      return { status: 200, body: { uid, primaryKey: 'id', createdAt: now, updatedAt: now } };
    }
    if (sub === undefined && method === 'DELETE') {
      this.indexes.delete(uid);
      return this.#enqueue(uid, 'indexDeletion');
    }
    if (sub === 'settings' && method === 'PATCH') return this.#enqueue(uid, 'settingsUpdate');
    if (sub === 'documents' && action === undefined && method === 'POST') {
      return this.#enqueue(uid, 'documentAdditionOrUpdate');
    }
    if (sub === 'documents' && action === undefined && method === 'DELETE') return this.#enqueue(uid, 'documentDeletion');
    if (sub === 'documents' && action === 'delete-batch' && method === 'POST') return this.#enqueue(uid, 'documentDeletion');
    if (sub === 'search' && method === 'POST') return this.searchReply;
    return notFound('not_found', 'Not found');
  }
}

function notFound(code: string, message: string): StubReply {
  return {
    status: 404,
    body: { message, code, type: 'invalid_request', link: `https://docs.meilisearch.com/errors#${code}` },
  };
}
