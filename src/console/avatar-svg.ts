import type { RequestHandler } from 'express';

/**
 * A picture for anyone, drawn from their key (an email address): the same key always gives the same
 * bytes, so seeded data stays deterministic and an app's image cache stays warm. Two hues and a
 * quarter-turn of a gradient come from the key's hash; the initials come from the address's local part.
 */
export function avatarSvg(key: string): string {
  const hash = fnv1a(key);
  const hue = hash % 360;
  const hue2 = (hue + 40 + ((hash >>> 9) % 80)) % 360;
  const angle = ((hash >>> 17) % 4) * 90;
  const text = initials(key);
  const size = text.length > 1 ? 50 : 60;
  return (
    '<svg xmlns="http://www.w3.org/2000/svg" width="128" height="128" viewBox="0 0 128 128" role="img">' +
    `<title>${escapeXml(key)}</title>` +
    `<defs><linearGradient id="g" gradientTransform="rotate(${angle} .5 .5)">` +
    `<stop offset="0" stop-color="hsl(${hue} 62% 46%)"/><stop offset="1" stop-color="hsl(${hue2} 58% 36%)"/></linearGradient></defs>` +
    '<rect width="128" height="128" fill="url(#g)"/>' +
    `<text x="64" y="64" dy=".35em" text-anchor="middle" fill="#fff" font-family="system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif" font-size="${size}" font-weight="600">${escapeXml(text)}</text>` +
    '</svg>'
  );
}

/** "ada.lovelace@example.com" -> "AL"; "dev@example.com" -> "D"; anything without letters -> "?". */
export function initials(key: string): string {
  const local = key.split('@')[0] ?? '';
  const parts = local.split(/[._\-+\s]+/).filter((p) => /\p{L}/u.test(p));
  const letters = parts.slice(0, 2).map((p) => (p.match(/\p{L}/u)?.[0] ?? '').toLocaleUpperCase('en'));
  return letters.join('') || '?';
}

function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

function escapeXml(text: string): string {
  return text.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** GET /__avatars/{key}.svg: immutable, so browsers and apps fetch each picture once. */
export function avatarRoute(): RequestHandler {
  return (req, res, next) => {
    const file = req.params['file'];
    if (typeof file !== 'string' || !file.endsWith('.svg') || file.length > 300) {
      next();
      return;
    }
    const svg = avatarSvg(file.slice(0, -4).toLowerCase());
    res.setHeader('Content-Type', 'image/svg+xml; charset=utf-8');
    res.setHeader('Cache-Control', 'public, max-age=31536000, immutable');
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.end(svg);
  };
}
