/* How one evidence file travels: the device's position, one XHR attempt with progress, and the API's error messages. */
export type MeasureChoice = { id: string; seq: number; description: string };

export type Position = { lat: number; lng: number };

/** How long an upload waits for the device's position before it goes without one. */
export const POSITION_WAIT_MS = 4_000;
/** A position younger than this is reused for the next photo. */
export const POSITION_MAX_AGE_MS = 120_000;

/**
 * The device's position if the person allows it, or null; never waits longer than
 * POSITION_WAIT_MS, so a refused or slow GPS does not hold an upload back.
 */
export function devicePosition(): Promise<Position | null> {
  if (typeof navigator === "undefined" || !navigator.geolocation) return Promise.resolve(null);
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(null), POSITION_WAIT_MS);
    try {
      navigator.geolocation.getCurrentPosition(
        (p) => {
          clearTimeout(timer);
          resolve({ lat: p.coords.latitude, lng: p.coords.longitude });
        },
        () => {
          clearTimeout(timer);
          resolve(null);
        },
        { enableHighAccuracy: true, timeout: POSITION_WAIT_MS, maximumAge: POSITION_MAX_AGE_MS },
      );
    } catch {
      clearTimeout(timer);
      resolve(null);
    }
  });
}

export type Answer = { status: number; body: unknown };

/** One attempt as an XHR (fetch cannot report upload progress). Status 0: no answer (network, aborted). */
export function sendOnce(
  url: string,
  form: FormData,
  headers: Record<string, string>,
  onProgress: (share: number) => void,
): Promise<Answer> {
  return new Promise((resolve) => {
    const xhr = new XMLHttpRequest();
    xhr.open("POST", url);
    for (const [k, v] of Object.entries(headers)) xhr.setRequestHeader(k, v);
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable && e.total > 0) onProgress(e.loaded / e.total);
    };
    xhr.onload = () => {
      let body: unknown = null;
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        body = null;
      }
      resolve({ status: xhr.status, body });
    };
    xhr.onerror = () => resolve({ status: 0, body: null });
    xhr.ontimeout = () => resolve({ status: 0, body: null });
    xhr.onabort = () => resolve({ status: 0, body: null });
    xhr.send(form);
  });
}

/** The messages of an API error body `{error: {message, fields}}`. */
export function errorMessages(body: unknown): string[] {
  const error = (body as { error?: { message?: unknown; fields?: Record<string, unknown> } } | null)?.error;
  if (!error) return [];
  const fields = Object.values(error.fields ?? {}).flatMap((v) => (Array.isArray(v) ? v.map(String) : []));
  return fields.length ? fields : typeof error.message === "string" ? [error.message] : [];
}
