import type { Codec } from './codec.js';
import type { XmlReadOptions } from './xml-document.js';
import { readXml } from './xml-parser.js';
import { writeXml, writeXmlChunks } from './xml-writer.js';
import { canonicalObject } from './canonical.js';

/** ServiceStack's XML (DataContractSerializer); no charset on the Content-Type, as ServiceStack sends it. */
export function createXmlCodec(options: XmlReadOptions = {}): Codec {
  return {
    format: 'xml',
    contentType: 'application/xml',
    mediaTypes: ['application/xml', 'text/xml'],
    acceptAlone: true,
    stringify: (value, type) => writeXml(value, type),
    stringifyChunks: (value, type, chunkChars) => writeXmlChunks(value, type, chunkChars),
    // ServiceStack hands an empty body to no deserializer: the request DTO is simply empty.
    parse: (text, type) => (text === '' ? canonicalObject({}, type) : readXml(text, type, options)),
  };
}

export const xmlCodec: Codec = createXmlCodec();
