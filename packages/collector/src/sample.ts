/**
 * Sample data for demos: a clean hook the demo fills in (issue: demo). Until then it stores nothing
 * and says so, rather than inventing data that might be mistaken for real results.
 */
import type { Database } from './db/database.js';

export interface SampleOptions {
  count: number;
}

export type SampleLoader = (database: Database, options: SampleOptions) => Promise<number>;

let loader: SampleLoader | undefined;

/** The demo registers its generator here. */
export function setSampleLoader(fn: SampleLoader) {
  loader = fn;
}

export async function loadSample(database: Database, options: SampleOptions): Promise<number> {
  if (!loader) throw new Error('no sample data generator is registered yet (the demo provides one)');
  return loader(database, options);
}
