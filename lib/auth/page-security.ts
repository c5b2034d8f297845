/**
 * Security headers of every page (set by proxy.ts): a Content-Security-Policy with a fresh nonce
 * per request, and a Permissions-Policy that lets only the app itself use the camera and location.
 *
 * - scripts: only `'self'` and scripts carrying this request's nonce (`'strict-dynamic'` lets them
 *   load Next's chunks); no `'unsafe-inline'` for scripts. Next reads the nonce from this header
 *   and puts it on its own scripts; development adds `'unsafe-eval'` (React's dev tooling).
 * - styles: `'unsafe-inline'` is kept for styles only: ECharts and React write `style="…"`
 *   attributes (chart size, progress bar widths), which a nonce cannot cover; style injection
 *   cannot run script.
 * - `frame-ancestors 'none'`: no other site may frame a page (clickjacking).
 */
export function contentSecurityPolicy(nonce: string, dev = process.env.NODE_ENV === "development"): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' blob: data:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "media-src 'self' blob:",
    "worker-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

/** Camera (evidence photos) and location (site check) for the app itself; everything else off. */
export const PERMISSIONS_POLICY =
  "camera=(self), geolocation=(self), microphone=(), payment=(), usb=(), serial=(), bluetooth=(), midi=(), display-capture=(), browsing-topics=()";

/** A fresh nonce: 128 random bits, base64. */
export function newNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}
