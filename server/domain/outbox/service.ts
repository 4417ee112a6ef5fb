/**
 * The outbox: every message to a company (invitation, meeting request, reminder, follow-up) is written here first
 * and then delivered by an `outbox.deliver` job, so nothing is sent twice and nothing is silently dropped.
 *
 * - Immediate messages are stored `pending` and a job is added at once; timed ones (reminders, follow-ups) are
 *   stored `scheduled` with `dueAt` and a delayed job. The job id carries the due time, so re-planning a message
 *   (the agenda moved) adds a new job and the old one, if it still fires, finds a different job id on the
 *   message and does nothing — delivery is idempotent whichever copy runs.
 * - Each message has a dedupe key (`reminder:<participant>:24h`); writing the same key again updates the one
 *   message instead of adding a second.
 * - Delivery goes through a channel. The product ships the log channel (the message is logged and marked sent;
 *   the bureau reads the outbox); webhook or SMTP channels plug in behind the same interface.
 */
import type { Logger } from 'pino';
import type { JobQueue } from '../../../jobs/queue/port.js';
import { trusted, type Collection, type DocumentStore, type Filter, type Stored } from '../../store/port.js';
import { OUTBOX, type OUTBOX_KINDS, type OUTBOX_STATUSES } from '../../store/schemas/sessions.js';

export type OutboxKind = (typeof OUTBOX_KINDS)[number];
export type OutboxStatus = (typeof OUTBOX_STATUSES)[number];

export const OUTBOX_DELIVER_JOB = 'outbox.deliver';

export interface OutboxRecord {
  kind: OutboxKind;
  companyId: string;
  sessionId?: string;
  participantId?: string;
  meetingId?: string;
  dedupeKey: string;
  subject: string;
  body: string;
  link?: string;
  status: OutboxStatus;
  dueAt: Date;
  jobId?: string;
  channel?: string;
  sentAt?: Date;
  error?: string;
}

export interface OutboxMessage {
  kind: OutboxKind;
  companyId: string;
  sessionId?: string | undefined;
  participantId?: string | undefined;
  meetingId?: string | undefined;
  dedupeKey: string;
  subject: string;
  body: string;
  link?: string | undefined;
  /** Absent: send now. */
  dueAt?: Date | undefined;
}

/** Where delivered messages go. */
export interface NotificationChannel {
  readonly name: string;
  send(message: Stored<OutboxRecord>): Promise<void>;
}

/** Logs each message; the outbox itself is what the bureau reads. */
export function logChannel(logger: Logger): NotificationChannel {
  return {
    name: 'log',
    send: (message) => {
      logger.info({ outboxId: message._id, kind: message.kind, companyId: message.companyId, subject: message.subject }, 'message delivered');
      return Promise.resolve();
    },
  };
}

export interface OutboxDeps {
  store: DocumentStore;
  queue: JobQueue;
  logger: Logger;
}

export class Outbox {
  readonly messages: Collection<OutboxRecord>;
  private readonly channel: NotificationChannel;

  constructor(
    private readonly deps: OutboxDeps,
    channel?: NotificationChannel,
  ) {
    this.messages = deps.store.collection<OutboxRecord>(OUTBOX);
    this.channel = channel ?? logChannel(deps.logger);
  }

  /**
   * Writes (or re-plans) the message with this dedupe key and queues its delivery. A message already sent is
   * left alone: a reminder that went out is not sent again because the agenda changed afterwards.
   */
  async post(message: OutboxMessage, now = new Date()): Promise<Stored<OutboxRecord>> {
    const dueAt = message.dueAt && message.dueAt.getTime() > now.getTime() ? message.dueAt : now;
    const timed = dueAt.getTime() > now.getTime();
    const existing = await this.messages.findOne({ dedupeKey: message.dedupeKey });
    if (existing?.status === 'sent') return existing;
    const jobId = `outbox.${message.dedupeKey.replace(/[^A-Za-z0-9._-]/g, '_')}.${dueAt.getTime()}`;
    const fields: OutboxRecord = {
      kind: message.kind,
      companyId: message.companyId,
      dedupeKey: message.dedupeKey,
      subject: message.subject,
      body: message.body,
      status: timed ? 'scheduled' : 'pending',
      dueAt,
      jobId,
      ...(message.sessionId ? { sessionId: message.sessionId } : {}),
      ...(message.participantId ? { participantId: message.participantId } : {}),
      ...(message.meetingId ? { meetingId: message.meetingId } : {}),
      ...(message.link ? { link: message.link } : {}),
    };
    let stored: Stored<OutboxRecord>;
    if (existing) {
      const unset: Record<string, 1> = {};
      for (const field of ['link', 'meetingId', 'error'] as const) if (existing[field] !== undefined && fields[field] === undefined) unset[field] = 1;
      stored = (await this.messages.updateOne({ _id: existing._id }, { $set: fields, ...(Object.keys(unset).length ? { $unset: unset } : {}) })) ?? existing;
      if (existing.jobId && existing.jobId !== jobId) await this.deps.queue.remove(existing.jobId);
    } else {
      stored = await this.messages.insertOne(fields);
    }
    await this.deps.queue.add(OUTBOX_DELIVER_JOB, { id: stored._id, jobId }, { jobId, delay: dueAt.getTime() - now.getTime(), attempts: 5, backoff: { type: 'exponential', delay: 5000 } });
    return stored;
  }

  /** Cancels the unsent messages matching the filter (a withdrawn participant's reminders); returns how many. */
  async cancel(filter: Filter): Promise<number> {
    const open = await this.messages.find({ ...filter, status: trusted({ $in: ['scheduled', 'pending'] }) });
    for (const message of open) {
      await this.messages.updateOne({ _id: message._id, status: message.status }, { $set: { status: 'cancelled' } });
      if (message.jobId) await this.deps.queue.remove(message.jobId);
    }
    return open.length;
  }

  /** Delivers one message if it is still due under this job; a stale or repeated job does nothing. */
  async deliver(id: string, jobId: string): Promise<'sent' | 'skipped'> {
    const message = await this.messages.findById(id);
    if (!message || message.jobId !== jobId || (message.status !== 'pending' && message.status !== 'scheduled')) return 'skipped';
    await this.channel.send(message);
    await this.messages.updateOne({ _id: id, jobId }, { $set: { status: 'sent', sentAt: new Date(), channel: this.channel.name } });
    return 'sent';
  }
}
