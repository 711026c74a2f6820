/**
 * A random token that stands for "this device" — used to keep one vote per device in polls without
 * cookies or fingerprinting. It says nothing about the person and is kept only in IndexedDB.
 */
import { openDeviceStore } from './store.js';

const KEY = 'device-token';

export async function deviceToken(database?: string): Promise<string> {
  const db = await openDeviceStore(database);
  const tx = db.transaction('settings', 'readwrite');
  const existing = await tx.store.get(KEY);
  if (existing) {
    await tx.done;
    return existing.value;
  }
  const value = crypto.randomUUID();
  await tx.store.put({ key: KEY, value });
  await tx.done;
  return value;
}

/** Forgets the device token (a carer clearing their data; the next vote counts as a new device). */
export async function forgetDeviceToken(database?: string): Promise<void> {
  const db = await openDeviceStore(database);
  await db.delete('settings', KEY);
}
