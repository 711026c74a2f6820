/**
 * Partners and instruments: small, read on every request, so cached for a few seconds. The cache is
 * only a speed-up — another instance sharing the database sees a change within `ttlMs`.
 */
import type { Kysely } from 'kysely';
import type { DB } from './db/schema.js';
import type { PartnerConfig } from './config.js';

export interface Partner extends PartnerConfig {}
export interface RegisteredInstrument {
  id: string;
  version: number;
  kind: string;
  title: string;
  definition: Record<string, unknown> & { id: string; version: number; kind: string };
  groupBy: string[];
  registeredAt: string;
}

function parseJson<T>(v: unknown): T {
  return (typeof v === 'string' ? JSON.parse(v) : v) as T;
}

export class Store {
  private partnerCache: { at: number; map: Map<string, Partner>; origins: Set<string> } | undefined;
  private instrumentCache = new Map<string, { at: number; value: RegisteredInstrument | undefined }>();
  constructor(
    readonly db: Kysely<DB>,
    private ttlMs = 5000,
  ) {}

  /** Loads in flight: requests arriving together while the cache is stale share one query. */
  private partnerLoad: Promise<Map<string, Partner>> | undefined;
  private instrumentLoads = new Map<string, Promise<RegisteredInstrument | undefined>>();
  /** Bumped by invalidate(): a load that started before a change does not fill the cache. */
  private generation = 0;

  invalidate() {
    this.generation++;
    this.partnerCache = undefined;
    this.partnerLoad = undefined;
    this.instrumentCache.clear();
    this.instrumentLoads.clear();
  }

  async partners(): Promise<Map<string, Partner>> {
    if (this.partnerCache && Date.now() - this.partnerCache.at < this.ttlMs) return this.partnerCache.map;
    if (this.partnerLoad) return this.partnerLoad;
    const generation = this.generation;
    const load = (async () => {
      const rows = await this.db.selectFrom('partners').selectAll().orderBy('id').execute();
      const map = new Map(rows.map((r) => [r.id, { id: r.id, name: r.name, area: r.area, origins: parseJson<string[]>(r.origins) }]));
      if (generation === this.generation) this.partnerCache = { at: Date.now(), map, origins: new Set([...map.values()].flatMap((p) => p.origins)) };
      return map;
    })();
    this.partnerLoad = load;
    void load.then(
      () => this.partnerLoad === load && (this.partnerLoad = undefined),
      () => this.partnerLoad === load && (this.partnerLoad = undefined),
    );
    return load;
  }

  async partner(id: string): Promise<Partner | undefined> {
    return (await this.partners()).get(id);
  }

  /** The partners if the cache is fresh (no promise, no database): the request path's common case. */
  cachedPartners(): Map<string, Partner> | undefined {
    const c = this.partnerCache;
    return c && Date.now() - c.at < this.ttlMs ? c.map : undefined;
  }
  /** `knownOrigins()` if the cache is fresh, without a promise. */
  cachedOrigins(): Set<string> | undefined {
    const c = this.partnerCache;
    return c && Date.now() - c.at < this.ttlMs ? c.origins : undefined;
  }
  /** `instrument(id, version)` if it is cached and fresh, without a promise; `null` when not cached. */
  cachedInstrument(id: string, version: number): RegisteredInstrument | undefined | null {
    const hit = this.instrumentCache.get(`${id}@${version}`);
    return hit && Date.now() - hit.at < this.ttlMs ? hit.value : null;
  }

  /** Every origin any partner registered: enough to answer a CORS preflight (which has no body). */
  async knownOrigins(): Promise<Set<string>> {
    const map = await this.partners();
    const cached = this.partnerCache;
    return cached?.map === map ? cached.origins : new Set([...map.values()].flatMap((p) => p.origins));
  }

  async upsertPartner(p: Partner): Promise<void> {
    await this.db
      .insertInto('partners')
      .values({ id: p.id, name: p.name, area: p.area, origins: JSON.stringify(p.origins) })
      .onConflict((oc) => oc.column('id').doUpdateSet({ name: p.name, area: p.area, origins: JSON.stringify(p.origins) }))
      .execute();
    this.invalidate();
  }

  async registerInstrument(
    definition: RegisteredInstrument['definition'],
    groupBy: string[] = [],
  ): Promise<{ created: boolean; conflict: boolean }> {
    const body = JSON.stringify(definition);
    const existing = await this.instrument(definition.id, definition.version);
    if (existing) {
      // A published version never changes: results already counted against it would stop meaning anything.
      const same = JSON.stringify(existing.definition) === body;
      if (same && JSON.stringify(existing.groupBy) !== JSON.stringify(groupBy)) {
        await this.db.updateTable('instruments').set({ group_by: JSON.stringify(groupBy) })
          .where('id', '=', definition.id).where('version', '=', definition.version).execute();
        this.invalidate();
      }
      return { created: false, conflict: !same };
    }
    const title = typeof definition.title === 'string' ? definition.title : definition.id;
    await this.db
      .insertInto('instruments')
      .values({ id: definition.id, version: definition.version, kind: definition.kind, title, definition: body, group_by: JSON.stringify(groupBy) })
      .onConflict((oc) => oc.columns(['id', 'version']).doNothing())
      .execute();
    this.invalidate();
    return { created: true, conflict: false };
  }

  private row(r: { id: string; version: number; kind: string; title: string; definition: unknown; group_by: unknown; registered_at: Date }): RegisteredInstrument {
    return {
      id: r.id,
      version: r.version,
      kind: r.kind,
      title: r.title,
      definition: parseJson(r.definition),
      groupBy: parseJson(r.group_by),
      registeredAt: new Date(r.registered_at).toISOString(),
    };
  }

  /** One version, or the latest when `version` is omitted. */
  async instrument(id: string, version?: number): Promise<RegisteredInstrument | undefined> {
    const key = `${id}@${version ?? 'latest'}`;
    const hit = this.instrumentCache.get(key);
    if (hit && Date.now() - hit.at < this.ttlMs) return hit.value;
    const inFlight = this.instrumentLoads.get(key);
    if (inFlight) return inFlight;
    const generation = this.generation;
    const load = (async () => {
      let q = this.db.selectFrom('instruments').selectAll().where('id', '=', id);
      if (version !== undefined) q = q.where('version', '=', version);
      const r = await q.orderBy('version', 'desc').limit(1).executeTakeFirst();
      let value = r ? this.row(r) : undefined;
      // A registered version's definition never changes (a different one is a 409), so the same object
      // is kept: checks and counting cache what they work out per definition object.
      if (value && hit?.value && hit.value.id === value.id && hit.value.version === value.version && hit.value.registeredAt === value.registeredAt) {
        value = { ...value, definition: hit.value.definition };
      }
      if (generation === this.generation) this.instrumentCache.set(key, { at: Date.now(), value });
      return value;
    })();
    this.instrumentLoads.set(key, load);
    const done = () => this.instrumentLoads.get(key) === load && this.instrumentLoads.delete(key);
    void load.then(done, done);
    return load;
  }

  async instrumentVersions(id: string): Promise<RegisteredInstrument[]> {
    const rows = await this.db.selectFrom('instruments').selectAll().where('id', '=', id).orderBy('version').execute();
    return rows.map((r) => this.row(r));
  }

  async instrumentList(): Promise<{ id: string; kind: string; title: string; versions: number[] }[]> {
    const rows = await this.db.selectFrom('instruments').select(['id', 'kind', 'title', 'version']).orderBy('id').orderBy('version').execute();
    const map = new Map<string, { id: string; kind: string; title: string; versions: number[] }>();
    for (const r of rows) {
      const item = map.get(r.id) ?? { id: r.id, kind: r.kind, title: r.title, versions: [] };
      item.versions.push(r.version);
      item.title = r.title;
      map.set(r.id, item);
    }
    return [...map.values()];
  }
}
