/**
 * Seeded people's pictures are served by the mock itself (generated SVGs under /__avatars/), so an app
 * that shows them works offline. The stored URL is absolute on the mock's default address, because an
 * app on another origin resolves a relative one against itself; a mock on another port serves the same
 * path, and the console loads these pictures from whichever address it is looking at.
 */
export const AVATAR_ORIGIN = 'http://127.0.0.1:4010';
export const AVATAR_PATH = '/__avatars/';

/** The same person (key: an email address) always gets the same URL, and so the same picture. */
export function avatarUrl(key: string): string {
  return `${AVATAR_ORIGIN}${AVATAR_PATH}${encodeURIComponent(key.toLowerCase())}.svg`;
}
