/** GET /outbox: the messages sent and planned (invitations, requests, reminders, follow-ups). */
import { z } from 'zod';
import { principalOf } from '../../http/auth.js';
import { route, type AnyRoute } from '../../http/route.js';
import type { Stored } from '../../store/port.js';
import { OUTBOX_KINDS, OUTBOX_STATUSES } from '../../store/schemas/sessions.js';
import { cursorParam, limitParam, pageOf, pageSchema } from '../audit/listing.js';
import { isBureau } from '../companies/access.js';
import type { Services } from '../services.js';
import { objectId } from '../text.js';
import type { OutboxRecord } from './service.js';

const messageSchema = z
  .strictObject({
    id: z.string(),
    kind: z.enum(OUTBOX_KINDS),
    companyId: z.string(),
    sessionId: z.string().optional(),
    participantId: z.string().optional(),
    meetingId: z.string().optional(),
    subject: z.string(),
    body: z.string(),
    link: z.string().optional(),
    status: z.enum(OUTBOX_STATUSES).describe('"scheduled": waiting for dueAt; "pending": due, being delivered; "sent"; "cancelled"; "failed".'),
    dueAt: z.iso.datetime(),
    sentAt: z.iso.datetime().optional(),
    channel: z.string().optional(),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: 'OutboxMessage' });

function view(doc: Stored<OutboxRecord>): z.output<typeof messageSchema> {
  return {
    id: doc._id,
    kind: doc.kind,
    companyId: doc.companyId,
    subject: doc.subject,
    body: doc.body,
    status: doc.status,
    dueAt: doc.dueAt.toISOString(),
    createdAt: doc.createdAt.toISOString(),
    ...(doc.sessionId ? { sessionId: doc.sessionId } : {}),
    ...(doc.participantId ? { participantId: doc.participantId } : {}),
    ...(doc.meetingId ? { meetingId: doc.meetingId } : {}),
    ...(doc.link ? { link: doc.link } : {}),
    ...(doc.sentAt ? { sentAt: doc.sentAt.toISOString() } : {}),
    ...(doc.channel ? { channel: doc.channel } : {}),
  };
}

export function outboxRoutes(services: Services): AnyRoute[] {
  const { outbox } = services;
  return [
    route({
      method: 'get',
      path: '/outbox',
      operationId: 'listOutbox',
      summary: 'Messages to companies, sent and planned',
      description: 'The bureau sees every message; a company key the messages to its company.',
      tags: ['outbox'],
      access: ['admin', 'staff', 'company'],
      query: z.strictObject({
        sessionId: objectId.optional(),
        companyId: objectId.optional(),
        kind: z.enum(OUTBOX_KINDS, `must be one of ${OUTBOX_KINDS.join(', ')}`).optional(),
        status: z.enum(OUTBOX_STATUSES, `must be one of ${OUTBOX_STATUSES.join(', ')}`).optional(),
        cursor: cursorParam,
        limit: limitParam,
      }),
      responses: {
        200: { description: 'One page, oldest first.', body: pageSchema(messageSchema).meta({ id: 'OutboxPage' }) },
        400: { description: 'A parameter is not valid.' },
        401: { description: 'No valid token or API key.' },
      },
      handler: async ({ query }, _req, res) => {
        const actor = principalOf(res);
        const filter: Record<string, unknown> = {};
        for (const field of ['sessionId', 'companyId', 'kind', 'status'] as const) if (query[field]) filter[field] = query[field];
        if (!isBureau(actor)) {
          if (query.companyId && query.companyId !== actor.companyId) {
            res.json({ items: [], nextCursor: null });
            return;
          }
          filter.companyId = actor.companyId;
        }
        const page = await pageOf(outbox.messages, filter, query);
        res.json({ items: page.items.map(view), nextCursor: page.nextCursor });
      },
    }),
  ];
}
