import type { DocumentFormat } from '../spec/build-openapi.js';
import type { Codec, WireFormat } from './codec.js';
import { jsonCodec } from './json-codec.js';
import { jsvCodec } from './jsv-codec.js';
import { xmlCodec } from './xml-codec.js';

/**
 * The formats a mock speaks and a contract run asks for, and the only description of each: the server
 * derives negotiation (?format=, suffixes, predefined routes, Accept), which bodies it reads, and the
 * contract runner how to ask for a format, all from the codecs registered here. JSON must be among them:
 * it is ServiceStack's default and the answer when nothing else is asked for.
 */
export class CodecRegistry {
  readonly all: readonly Codec[];
  readonly json: Codec;
  private readonly byName = new Map<string, Codec>();
  private readonly byMediaType = new Map<string, Codec>();

  constructor(codecs: readonly Codec[]) {
    this.all = codecs;
    for (const codec of codecs) {
      const name = codec.format.toLowerCase();
      if (!/^[a-z][a-z0-9]*$/.test(name)) throw new Error(`a codec's name is a word of letters and digits (it is a path suffix and a route segment), not '${codec.format}'`);
      if (this.byName.has(name)) throw new Error(`two codecs are named '${codec.format}'`);
      this.byName.set(name, codec);
      for (const mediaType of codec.mediaTypes) {
        const key = mediaType.toLowerCase();
        const taken = this.byMediaType.get(key);
        if (taken) throw new Error(`${mediaType} is claimed by both '${taken.format}' and '${codec.format}'`);
        this.byMediaType.set(key, codec);
      }
    }
    const json = this.byName.get('json');
    if (!json) throw new Error('a codec registry needs the JSON codec: it is what every request gets by default');
    this.json = json;
  }

  get formats(): readonly WireFormat[] {
    return this.all.map((c) => c.format);
  }

  /** By name, in any case: `XML`, `xml`. */
  named(name: string): Codec | undefined {
    return this.byName.get(name.toLowerCase());
  }

  /** By name, for callers that know it is registered. */
  get(name: WireFormat): Codec {
    const codec = this.named(name);
    if (!codec) throw new Error(`no codec named '${name}'; registered: ${this.formats.join(', ')}`);
    return codec;
  }

  /** The codec that reads a body of this media type (lowercase, without parameters). */
  forMediaType(mediaType: string): Codec | undefined {
    return this.byMediaType.get(mediaType);
  }

  /** What the generated OpenAPI document lists bodies in: each format with the media type it is answered in. */
  documentFormats(): DocumentFormat[] {
    return this.all.map((c) => ({ format: c.format, mediaType: c.contentType.split(';')[0]!.trim() }));
  }

  /** The codec an Accept media type asks for: matched by prefix, as ServiceStack does, in registration order. */
  forAccept(mediaType: string): Codec | undefined {
    return this.all.find((c) => c.mediaTypes.some((m) => mediaType.startsWith(m)));
  }
}

/** Every format the project has, JSON first (ServiceStack's default). */
export const defaultCodecs = new CodecRegistry([jsonCodec, xmlCodec, jsvCodec]);
