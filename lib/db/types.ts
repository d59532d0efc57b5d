// Value types of stored rows that code outside the extension's origin may name (no Dexie here).
export const READING_STATUSES = ['to-read', 'reading', 'read'] as const;
export type ReadingStatus = (typeof READING_STATUSES)[number];
