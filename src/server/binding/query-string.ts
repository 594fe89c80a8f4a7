/**
 * A query string (or form body) as ServiceStack sees it: names case-insensitive, repeated keys kept in
 * order (ASP.NET Core's StringValues; the binder joins them with ',').
 */
export class QueryMap {
  private readonly entries = new Map<string, { readonly name: string; readonly values: string[] }>();

  static parse(search: string): QueryMap {
    const map = new QueryMap();
    for (const [name, value] of new URLSearchParams(search)) map.add(name, value);
    return map;
  }

  /** The query part of a request URL (everything after the first '?'). */
  static fromUrl(url: string): QueryMap {
    const q = url.indexOf('?');
    return q < 0 ? new QueryMap() : QueryMap.parse(url.slice(q + 1));
  }

  add(name: string, value: string): void {
    const key = name.toLowerCase();
    const entry = this.entries.get(key);
    if (entry) entry.values.push(value);
    else this.entries.set(key, { name, values: [value] });
  }

  has(name: string): boolean {
    return this.entries.has(name.toLowerCase());
  }

  first(name: string): string | undefined {
    return this.entries.get(name.toLowerCase())?.values[0];
  }

  all(name: string): readonly string[] {
    return this.entries.get(name.toLowerCase())?.values ?? [];
  }

  /** Each name as first sent, with its values. */
  *[Symbol.iterator](): IterableIterator<readonly [string, readonly string[]]> {
    for (const { name, values } of this.entries.values()) yield [name, values];
  }
}
