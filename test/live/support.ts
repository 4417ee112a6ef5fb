/**
 * socket.io-client helpers for the live-room suites: connect to /live with a token, wait for an event, send an
 * event and read its acknowledgement, and set up a scheduled session with participants through the real API.
 */
import assert from 'node:assert/strict';
import { io, type Socket } from 'socket.io-client';
import type { TestApp } from '../support/app.js';
import { createCompany } from '../domain/fixtures.js';

export interface LiveParticipant {
  id: string;
  companyId: string;
  joinToken: string;
}

export function connect(url: string, auth: Record<string, unknown>, options: { reconnectionDelay?: number } = {}): Socket {
  return io(`${url}/live`, { auth, transports: ['websocket'], forceNew: true, reconnectionDelay: options.reconnectionDelay ?? 100, reconnectionDelayMax: options.reconnectionDelay ?? 100 });
}

/** Resolves with the first payload of `event`, or rejects after `timeoutMs`. */
export function next<T = Record<string, unknown>>(socket: Socket, event: string, timeoutMs = 3000, where: (payload: T) => boolean = () => true): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      socket.off(event, listener);
      reject(new Error(`no "${event}" within ${timeoutMs} ms`));
    }, timeoutMs);
    const listener = (payload: T) => {
      if (!where(payload)) return;
      clearTimeout(timer);
      socket.off(event, listener);
      resolve(payload);
    };
    socket.on(event, listener);
  });
}

/** The connect_error message of a connection that must be refused. */
export function refusal(socket: Socket, timeoutMs = 3000): Promise<string> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('the connection was not refused')), timeoutMs);
    socket.once('connect_error', (error: Error) => {
      clearTimeout(timer);
      socket.close();
      resolve(error.message);
    });
    socket.once('connect', () => {
      clearTimeout(timer);
      socket.close();
      reject(new Error('the connection was accepted'));
    });
  });
}

export interface Ack {
  ok: boolean;
  result?: Record<string, unknown>;
  error?: { status: number; title: string; detail: string; errors?: { path: string; message: string }[] };
}

export async function send(socket: Socket, event: string, payload?: unknown): Promise<Ack> {
  return (await socket.timeout(3000).emitWithAck(event, payload)) as Ack;
}

/**
 * A scheduled session: participants registered for the named companies (created here), accepted requests between
 * the listed pairs (participant indices), the agenda computed. Texts let the matcher rank partners for backfills.
 */
export async function scheduledSession(
  app: TestApp,
  companies: { name: string; description: string; industries?: string[] }[],
  pairs: [number, number][],
  session: Record<string, unknown> = {},
): Promise<{ sessionId: string; participants: LiveParticipant[]; companyIds: string[] }> {
  const created = await app.as().post('/api/v1/sessions').send({
    title: '电子信息产业供需对接会',
    startsAt: new Date(Date.now() + 3_600_000).toISOString(),
    slotMinutes: 20,
    slotCount: 3,
    tables: 5,
    ...session,
  });
  assert.equal(created.status, 201, JSON.stringify(created.body));
  const sessionId = created.body.id as string;
  assert.equal((await app.as().patch(`/api/v1/sessions/${sessionId}`).send({ status: 'open' })).status, 200);
  const participants: LiveParticipant[] = [];
  const companyIds: string[] = [];
  for (const company of companies) {
    const companyId = await createCompany(app, { name: company.name, description: company.description, industries: company.industries ?? ['C3982'] });
    companyIds.push(companyId);
    const res = await app.as().post(`/api/v1/sessions/${sessionId}/participants`).send({ companyId });
    assert.equal(res.status, 201, JSON.stringify(res.body));
    participants.push({ id: res.body.id, companyId, joinToken: res.body.joinToken });
  }
  for (const [from, to] of pairs) {
    const a = participants[from] as LiveParticipant;
    const b = participants[to] as LiveParticipant;
    const made = await app.as().post(`/api/v1/sessions/${sessionId}/meeting-requests`).send({ from: a.id, to: b.id, priority: 2 });
    assert.equal(made.status, 201, JSON.stringify(made.body));
    assert.equal((await app.as().patch(`/api/v1/sessions/${sessionId}/meeting-requests/${made.body.id}`).send({ status: 'accepted' })).status, 200);
  }
  const run = await app.as().post(`/api/v1/sessions/${sessionId}/schedule`).send({});
  assert.equal(run.status, 202);
  for (let i = 0; i < 100; i += 1) {
    const job = await app.as().get(`/api/v1/jobs/${run.body.jobId}`);
    if (job.body.state === 'completed') break;
    assert.notEqual(job.body.state, 'failed', job.body.failedReason);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return { sessionId, participants, companyIds };
}
