import { sql, type Kysely } from 'kysely';

/**
 * A number that changes whenever the tallies do, so a reader can tell cheaply that they have not.
 *
 * `/results` with a filter needs its grouping's suppression pattern (every group of, say, age band ×
 * hours caring), which is costly to build from all that grouping's rows. Built once, it is kept in
 * memory with the version it was built at; while the version is the same, a request reads only the
 * rows of its own group.
 *
 * Every statement that writes the tallies (ingest, the tallier's folds, deletion by receipt, retention,
 * replaced poll votes, anything added later) bumps the version first, by a trigger, so no writer can
 * forget. It is a row, not a sequence: the new number is seen by others only when the change to the
 * tallies is, in the same commit. Taking its lock before touching any tally also puts every writer of
 * the tallies in one queue, so two writers never wait on each other's rows.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`create table tallies_version (id int primary key check (id = 1), version bigint not null)`.execute(db);
  await sql`insert into tallies_version (id, version) values (1, 0)`.execute(db);
  await sql`
    create function tallies_version_bump() returns trigger language plpgsql as $$
    begin
      update tallies_version set version = version + 1 where id = 1;
      return null;
    end $$`.execute(db);
  await sql`
    create trigger tallies_version_bump before insert or update or delete or truncate on tallies
    for each statement execute function tallies_version_bump()`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop trigger if exists tallies_version_bump on tallies`.execute(db);
  await sql`drop function if exists tallies_version_bump()`.execute(db);
  await sql`drop table if exists tallies_version`.execute(db);
}
