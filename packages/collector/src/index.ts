export { buildApp, type App, type AppOptions } from './server.js';
export { start, openFromConfig } from './main.js';
export { loadConfig, readPartnersFile, ConfigError, type Config, type PartnerConfig } from './config.js';
export { openDatabase, migrate, type Database, type StorageKind } from './db/database.js';
export { Store, type Partner, type RegisteredInstrument } from './store.js';
export { createUser, hashPassword, verifyPassword } from './auth.js';
export { deleteOlderThan, deleteByReceipt } from './retention.js';
export { setSampleLoader, EnvelopeLoader, type SampleLoader, type LoadOutcome } from './sample.js';
export { csvCell, toCsv } from './csv.js';
