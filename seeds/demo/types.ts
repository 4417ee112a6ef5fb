/**
 * The shape of the demo zone as plain data. A loader turns it into API calls / documents later; nothing here
 * depends on a database. Companies and postings carry the exact request bodies the API validates
 * (`companyCreateSchema`, `postingCreateSchema`), wrapped with the stable keys a loader needs to link them,
 * because database ids do not exist yet when the data is written.
 */
import type { z } from 'zod';
import type { companyCreateSchema } from '../../server/domain/companies/schemas.js';
import type { postingCreateSchema } from '../../server/domain/postings/schemas.js';
import type { ChainKey } from './vocabulary/segment.js';

export type { ChainKey } from './vocabulary/segment.js';

/**
 * Where a record comes from. Every record carries it so a loader can store it (and a cleanup can remove demo
 * data) without confusing it with companies that registered for real.
 */
export const DEMO_SOURCE = 'demo-zone';
export const SYNTHETIC_SOURCE = 'synthetic-zone';
export type SeedSource = typeof DEMO_SOURCE | typeof SYNTHETIC_SOURCE;

/** Body of POST /companies, as the API receives it (before zod's transforms). */
export type CompanyInput = z.input<typeof companyCreateSchema>;

/** Body of POST /postings without `companyId`: the loader fills that in from `companyKey`. */
export type PostingInput = Omit<z.input<typeof postingCreateSchema>, 'companyId'>;

export interface SeedCompany {
  /** Stable slug, unique in the dataset ("ems-jinglian"); postings, sessions and credentials refer to it. */
  readonly key: string;
  readonly source: SeedSource;
  /** Industry chain and segment the company was written for (reports, tests; not sent to the API). */
  readonly chain: ChainKey;
  readonly segment: string;
  /** The request body: exactly what POST /companies accepts. */
  readonly input: CompanyInput;
}

export interface SeedPosting {
  /** Stable slug, unique in the dataset ("ems-jinglian-need-customers"). */
  readonly key: string;
  readonly source: SeedSource;
  /** Key of the company that posts it; the loader maps it to the company's id. */
  readonly companyKey: string;
  /** The request body without `companyId`. */
  readonly input: PostingInput;
}

export type Intention = 'none' | 'interested' | 'agreed';

/** What was recorded after a meeting; the cooperation intention is `intention` with the notes that explain it. */
export interface MeetingOutcome {
  readonly attended: boolean;
  readonly intention: Intention;
  /** Free text in Chinese, as a participant or bureau staff would type it. */
  readonly notes?: string;
}

export interface SessionMeeting {
  /** Slot index, 0-based, below the session's slotCount. */
  readonly slot: number;
  /** Table number, 1-based, at most the session's tables. */
  readonly table: number;
  /** The two company keys meeting; both are participants of the session. */
  readonly participants: readonly [string, string];
  /** The participant who asked for the meeting (one of the two). */
  readonly requestedBy: string;
  /** Weight of the request: 3 = must meet, 1 = nice to meet. */
  readonly priority: 1 | 2 | 3;
  /** Present once the meeting has taken place (closed sessions). */
  readonly outcome?: MeetingOutcome;
}

export interface SessionParticipant {
  readonly companyKey: string;
  /** Slot indexes the participant can attend; absent means all slots. */
  readonly availability?: readonly number[];
}

/** A meeting request of an upcoming session that its invitee has already accepted (the scheduler's input). */
export interface SessionRequest {
  /** Company keys of the participant who asked and the one asked. */
  readonly from: string;
  readonly to: string;
  readonly priority: 1 | 2 | 3;
  readonly note?: string;
}

/** A matchmaking session (供需对接会), as the session collections are loaded from it. */
export interface SeedSession {
  readonly key: string;
  readonly source: SeedSource;
  readonly title: string;
  readonly startsAt: Date;
  readonly slotMinutes: number;
  readonly slotCount: number;
  /** Number of tables, numbered 1..tables. */
  readonly tables: number;
  /** Pause between two slots. */
  readonly breakMinutes?: number;
  readonly venue: string;
  /** GB/T 4754-2017 codes the session is about (used to invite companies). */
  readonly industries: readonly string[];
  readonly description: string;
  readonly registrationClosesAt?: Date;
  /** `closed`: happened, meetings carry outcomes. `open`: taking registrations, no agenda yet. */
  readonly status: 'closed' | 'open';
  readonly participants: readonly SessionParticipant[];
  readonly meetings: readonly SessionMeeting[];
  /** Accepted requests of an open session, waiting for the scheduler (a closed session's are behind its meetings). */
  readonly requests?: readonly SessionRequest[];
}

/**
 * Who gets demo access. Only the facts are data; the loader creates the secrets, shows them once and stores
 * them hashed like any other credential.
 */
export interface SeedCredentials {
  /** Companies that get a demo API key. */
  readonly apiKeys: readonly { readonly companyKey: string; readonly label: string }[];
  /** Bureau accounts. */
  readonly users: readonly {
    readonly key: string;
    readonly name: string;
    readonly role: 'staff';
    readonly email: string;
    readonly title: string;
  }[];
}

export interface DemoDataset {
  readonly companies: readonly SeedCompany[];
  readonly postings: readonly SeedPosting[];
  readonly sessions: readonly SeedSession[];
  readonly credentials: SeedCredentials;
}

export interface BuildDemoOptions {
  /**
   * The reference instant every date is computed from (sessions, posting validity), so the same `now` gives
   * the same dataset and a demo started today has an upcoming session in three weeks.
   */
  readonly now: Date;
}
