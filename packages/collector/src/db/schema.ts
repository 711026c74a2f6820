import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type Json<T> = ColumnType<T, string, string>;

export interface PartnersTable {
  id: string;
  name: string;
  area: string;
  origins: Json<string[]>;
  created_at: Timestamp;
}
export interface InstrumentsTable {
  id: string;
  version: number;
  kind: string;
  title: string;
  definition: Json<unknown>;
  group_by: Json<string[]>;
  registered_at: Timestamp;
}
export interface ResponsesTable {
  id: string;
  instrument_id: string;
  instrument_version: number;
  partner_id: string;
  locale: string;
  period: number;
  started_at: Timestamp | null;
  submitted_at: Timestamp;
  received_at: Timestamp;
  answers: Json<Record<string, unknown>>;
  meta: Json<Record<string, unknown>>;
  body_hash: string;
  receipt_hash: string | null;
  /** counted; quarantined (bot-suspected); replaced / superseded (a poll vote another vote from the same device outranks). */
  status: 'counted' | 'quarantined' | 'replaced' | 'superseded';
  quarantine_reason: string | null;
  /** Poll votes only: the device token (one counted vote per poll and device). */
  device: ColumnType<string | null, string | null | undefined, string | null>;
  replaced_by: ColumnType<string | null, string | null | undefined, string | null>;
}
export interface ContactsTable {
  response_id: string;
  details: Json<Record<string, string>>;
  created_at: Timestamp;
}
export interface TalliesTable {
  instrument_id: string;
  instrument_version: number;
  partner_id: string;
  year: number;
  question: string;
  option: string;
  group_question: string;
  group_value: string;
  n: ColumnType<string, number | string, number | string>;
  sum: number;
}
/** A counted response not yet added to the tallies (migration 2026_11_004). */
export interface TallyQueueTable {
  response_id: string;
}
export type Role = 'admin' | 'viewer' | 'moderator';
export interface UsersTable {
  id: Generated<number>;
  username: string;
  password_hash: string;
  role: Role;
  partner_id: string | null;
  created_at: Timestamp;
}
export interface SessionsTable {
  token_hash: string;
  user_id: number;
  created_at: Timestamp;
  expires_at: Timestamp;
}
export interface ExportLogTable {
  id: Generated<number>;
  user_id: number;
  instrument_id: string;
  kind: string;
  query: Json<Record<string, unknown>>;
  rows: number;
  at: Timestamp;
}
export interface PollStatementsTable {
  id: string;
  poll_id: string;
  partner_id: string;
  text: string;
  status: 'pending' | 'approved' | 'rejected';
  created_at: Timestamp;
  moderated_at: Timestamp | null;
  moderated_by: number | null;
  /** What the statement screen flagged: spans into `text` (migration 005). */
  flags: ColumnType<{ kind: string; start: number; end: number; reason: string }[], string | undefined, string>;
  /** Why a moderator rejected it. */
  reason: string | null;
  /** When a moderator edited a personal detail out (the original text is not kept). */
  edited_at: Timestamp | null;
}
export interface PollUpdatesTable {
  id: Generated<number>;
  poll_id: string;
  you_said: string;
  we_did: string;
  created_at: Timestamp;
  created_by: number;
}
/** One row (id 1) whose version a trigger bumps with every write to the tallies (migration 2026_11_007). */
export interface TalliesVersionTable {
  id: number;
  version: string | number;
}
export interface DB {
  poll_statements: PollStatementsTable;
  poll_updates: PollUpdatesTable;
  partners: PartnersTable;
  instruments: InstrumentsTable;
  responses: ResponsesTable;
  contacts: ContactsTable;
  tallies: TalliesTable;
  tally_queue: TallyQueueTable;
  tallies_version: TalliesVersionTable;
  users: UsersTable;
  sessions: SessionsTable;
  export_log: ExportLogTable;
}
