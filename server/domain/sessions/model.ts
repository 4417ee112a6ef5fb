/** Stored records of the session collections, and typed access to them. */
import type { Collection, DocumentStore } from '../../store/port.js';
import type {
  LIVE_PHASES} from '../../store/schemas/sessions.js';
import {
  AGENDA_RUNS,
  INVITATIONS,
  MEETING_REQUESTS,
  MEETINGS,
  PARTICIPANTS,
  SESSIONS,
  type AGENDA_STATES,
  type INTENTIONS,
  type INVITATION_STATUSES,
  type MEETING_STATUSES,
  type PARTICIPANT_STATUSES,
  type REQUEST_ORIGINS,
  type REQUEST_STATUSES,
  type SESSION_STATUSES,
} from '../../store/schemas/sessions.js';

export type SessionStatus = (typeof SESSION_STATUSES)[number];
export type AgendaState = (typeof AGENDA_STATES)[number];
export type ParticipantStatus = (typeof PARTICIPANT_STATUSES)[number];
export type InvitationStatus = (typeof INVITATION_STATUSES)[number];
export type RequestStatus = (typeof REQUEST_STATUSES)[number];
export type RequestOrigin = (typeof REQUEST_ORIGINS)[number];
export type MeetingStatus = (typeof MEETING_STATUSES)[number];
export type Intention = (typeof INTENTIONS)[number];
export type Priority = 1 | 2 | 3;

export interface SessionRecord {
  title: string;
  description?: string;
  venue?: string;
  industries: string[];
  startsAt: Date;
  slotMinutes: number;
  slotCount: number;
  tables: number;
  breakMinutes: number;
  registrationClosesAt?: Date;
  requestTtlHours: number;
  status: SessionStatus;
  agenda: { state: AgendaState; jobId?: string; runAt?: Date; revision: number };
  /** Absent until the session goes live (and on sessions stored before the live clock existed). */
  live?: LiveClock;
  createdBy: string;
  seedKey?: string;
}

export type LivePhase = (typeof LIVE_PHASES)[number];

export interface LiveClock {
  phase: LivePhase;
  slot: number;
  phaseStartedAt?: Date;
  phaseEndsAt?: Date;
  paused: boolean;
  remainingMs?: number;
  generation: number;
  startedAt?: Date;
  endedAt?: Date;
}

/** The clock of a session that has not started. */
export const CLOCK_BEFORE_START: Readonly<LiveClock> = Object.freeze({ phase: 'before', slot: 0, paused: false, generation: 0 });

export function clockOf(session: Pick<SessionRecord, 'live'>): LiveClock {
  return session.live ?? { ...CLOCK_BEFORE_START };
}

export interface ParticipantRecord {
  sessionId: string;
  companyId: string;
  availability: number[];
  maxMeetings?: number;
  status: ParticipantStatus;
  tokenHash: string;
  tokenPrefix: string;
  createdBy: string;
  withdrawnAt?: Date;
  checkedInAt?: Date;
  lateUntil?: Date;
}

export interface InvitationRecord {
  sessionId: string;
  companyId: string;
  tokenHash: string;
  status: InvitationStatus;
  participantId?: string;
  respondedAt?: Date;
  createdBy: string;
}

export interface MeetingRequestRecord {
  sessionId: string;
  from: string;
  to: string;
  pairKey: string;
  priority: Priority;
  note?: string;
  status: RequestStatus;
  origin: RequestOrigin;
  requestedBy: string;
  expiresAt?: Date;
  decidedAt?: Date;
  decidedBy?: string;
}

export interface MeetingOutcome {
  attended: boolean;
  intention: Intention;
  notes?: string;
  followUpAt?: Date;
  recordedBy: string;
  recordedAt: Date;
}

export interface MeetingRecord {
  sessionId: string;
  requestId: string;
  participants: string[];
  slot: number;
  table: number;
  locked: boolean;
  status: MeetingStatus;
  sequence: number;
  outcome?: MeetingOutcome;
}

export interface AgendaRunRecord {
  sessionId: string;
  jobId: string;
  requestedBy: string;
  keepLocked: boolean;
  stats: Record<string, number>;
  unscheduled: { requestId: string; reason: string; message: string }[];
}

/** The live pair key of two participants, the same whichever of them asked. */
export function pairKeyOf(a: string, b: string): string {
  return a < b ? `${a}|${b}` : `${b}|${a}`;
}

/** The collections of the session capability, opened once per store. */
export class SessionCollections {
  readonly sessions: Collection<SessionRecord>;
  readonly participants: Collection<ParticipantRecord>;
  readonly invitations: Collection<InvitationRecord>;
  readonly requests: Collection<MeetingRequestRecord>;
  readonly meetings: Collection<MeetingRecord>;
  readonly runs: Collection<AgendaRunRecord>;

  constructor(store: DocumentStore) {
    this.sessions = store.collection<SessionRecord>(SESSIONS);
    this.participants = store.collection<ParticipantRecord>(PARTICIPANTS);
    this.invitations = store.collection<InvitationRecord>(INVITATIONS);
    this.requests = store.collection<MeetingRequestRecord>(MEETING_REQUESTS);
    this.meetings = store.collection<MeetingRecord>(MEETINGS);
    this.runs = store.collection<AgendaRunRecord>(AGENDA_RUNS);
  }
}
