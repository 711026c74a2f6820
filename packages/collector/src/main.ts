/**
 * Starting the service: read config, open the database once, migrate, load the partners file, listen.
 */
import { loadConfig, readPartnersFile, type Config } from './config.js';
import { migrate, openDatabase, type Database } from './db/database.js';
import { buildApp, type App } from './server.js';
import { scheduleRetention } from './retention.js';
import { Store } from './store.js';
import { clusterTallyOptions, runCluster, type Running } from './cluster.js';

export async function openFromConfig(config: Config): Promise<Database> {
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, pgliteThread: config.pgliteThread ?? 'worker' });
  await migrate(database.db);
  return database;
}

export async function start(config: Config = loadConfig()): Promise<{ app: App; database: Database; url: string; stop(): Promise<void> }> {
  // Read the partners file before opening the database, so a bad file stops start-up at once.
  const partners = config.partnersFile ? readPartnersFile(config.partnersFile) : [];
  const database = await openFromConfig(config);
  const app = await buildApp({ config, database });
  for (const p of partners) await app.store.upsertPartner(p);
  const stopRetention = scheduleRetention(database.db, config.retentionDays, (m) => app.app.log.info(m));
  const url = await app.app.listen({ port: config.port, host: config.host });
  let stopping: Promise<void> | undefined;
  const stop = () =>
    (stopping ??= (async () => {
      stopRetention();
      await app.close();
      await database.close();
    })());
  return { app, database, url, stop };
}

/**
 * `start`, or with `WORKERS` > 1 (PostgreSQL only) a cluster: the primary migrates, loads the partners
 * file and runs retention; each worker process serves on the shared port (cluster.ts).
 */
export async function startService(config: Config = loadConfig()): Promise<Running> {
  const workers = config.workers ?? 1;
  if (workers <= 1) return start(config);
  return runCluster({
    workers,
    log: (m) => process.stderr.write(`${m}\n`),
    prepare: async () => {
      const partners = config.partnersFile ? readPartnersFile(config.partnersFile) : [];
      const database = await openFromConfig(config);
      const store = new Store(database.db);
      for (const p of partners) await store.upsertPartner(p);
      const stopRetention = scheduleRetention(database.db, config.retentionDays, (m) => process.stderr.write(`${m}\n`));
      return {
        async stop() {
          stopRetention();
          await database.close();
        },
      };
    },
    serve: async () => {
      const database = await openDatabase({ databaseUrl: config.databaseUrl });
      const app = await buildApp({ config, database, ingest: clusterTallyOptions(workers) });
      const url = await app.app.listen({ port: config.port, host: config.host });
      return {
        url,
        async stop() {
          await app.close();
          await database.close();
        },
      };
    },
  });
}
