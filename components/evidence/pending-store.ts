/**
 * Files not yet on the server, kept in the browser's IndexedDB so a reload (or a tab the phone
 * threw away) resumes them with the same idempotency key. Every call swallows storage failures
 * (private mode, quota, no IndexedDB): the in-memory queue still works while the page stays open.
 */
import type { UploadTarget } from "./upload-queue";

const DB_NAME = "rectify-evidence";
const STORE = "pending";

export type PendingFile = UploadTarget & {
  id: string;
  idempotencyKey: string;
  name: string;
  type: string;
  lastModified: number;
  blob: Blob;
  queuedAt: number;
};

function open(): Promise<IDBDatabase | null> {
  if (typeof indexedDB === "undefined") return Promise.resolve(null);
  return new Promise((resolve) => {
    try {
      const req = indexedDB.open(DB_NAME, 1);
      req.onupgradeneeded = () => {
        const store = req.result.createObjectStore(STORE, { keyPath: "id" });
        store.createIndex("problemId", "problemId");
      };
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => resolve(null);
      req.onblocked = () => resolve(null);
    } catch {
      resolve(null);
    }
  });
}

/** Operations run one after another, so a quick "done" never deletes before its "queued" was written. */
let chain: Promise<unknown> = Promise.resolve();

function withStore<T>(mode: IDBTransactionMode, work: (store: IDBObjectStore) => IDBRequest<T>): Promise<T | null> {
  const next = chain.then(() => runInStore(mode, work));
  chain = next.catch(() => null);
  return next;
}

async function runInStore<T>(mode: IDBTransactionMode, work: (store: IDBObjectStore) => IDBRequest<T>): Promise<T | null> {
  const db = await open();
  if (!db) return null;
  return new Promise((resolve) => {
    try {
      const tx = db.transaction(STORE, mode);
      const req = work(tx.objectStore(STORE));
      tx.oncomplete = () => {
        db.close();
        resolve(req.result);
      };
      tx.onerror = tx.onabort = () => {
        db.close();
        resolve(null);
      };
    } catch {
      db.close();
      resolve(null);
    }
  });
}

export async function savePending(file: PendingFile): Promise<void> {
  await withStore("readwrite", (s) => s.put(file));
}

export async function removePending(id: string): Promise<void> {
  await withStore("readwrite", (s) => s.delete(id));
}

/** The unfinished files of one problem, oldest first. */
export async function loadPending(problemId: string): Promise<PendingFile[]> {
  const rows = await withStore("readonly", (s) => s.index("problemId").getAll(problemId));
  return ((rows ?? []) as PendingFile[]).sort((a, b) => a.queuedAt - b.queuedAt);
}
