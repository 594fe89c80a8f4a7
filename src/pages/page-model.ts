/**
 * What one saved ServiceStack metadata page says, before any merging: each dialect parser fills
 * this shape, and nothing in it is resolved against other pages.
 */

/** A type as a page writes it, normalised across dialects (List[X], X[], ResizeArray<X>, List<X>). */
export type TypeExpr =
  | { readonly kind: 'scalar'; readonly name: ScalarName }
  /** A DTO, an enum, or a generic parameter ('T), with generic arguments when closed. */
  | { readonly kind: 'ref'; readonly name: string; readonly args: readonly TypeExpr[] }
  | { readonly kind: 'list'; readonly item: TypeExpr }
  | { readonly kind: 'dictionary'; readonly key: TypeExpr; readonly value: TypeExpr };

export type ScalarName = 'string' | 'bool' | 'int32' | 'int64' | 'double' | 'decimal' | 'float';

/**
 * What a page says about null: `nullable` (Optional[...], a reference type), `value` (a non-nullable
 * value type: F# `new Boolean()`, Python `bool = False`), `unspecified` (JSDoc, HTML tables).
 */
export type Nullability = 'nullable' | 'value' | 'unspecified';

export interface PageProperty {
  /** The name exactly as the page writes it (snake_case, camelCase or PascalCase). */
  readonly name: string;
  /** PascalCase CLR member name, derived from `name` when the dialect does not write it. */
  readonly clrName: string;
  readonly type: TypeExpr;
  /** The type text as written on the page, e.g. "Optional[List[CustomerBreadcrumb]]". */
  readonly declared: string;
  readonly nullability: Nullability;
  /** A default written on the page (`False`, `None`, `null`, `new Boolean()`). */
  readonly defaultValue?: string;
  readonly description?: string;
  /** HTML parameter tables only: path, query, form or body. */
  readonly location?: string;
}

export interface PageClass {
  readonly kind: 'class';
  /** Undefined when the page shows the type's members but never its name (HTML tables). */
  readonly name?: string;
  /** Open generic parameters, e.g. ["T"] for `ListRequest<'T>`. */
  readonly typeParams: readonly string[];
  /** Closed generic arguments when a page renders a generic type with concrete ones (`ListResponse<AccountInfo>`). */
  readonly genericArgs: readonly TypeExpr[];
  readonly base?: TypeExpr;
  /** Marker interfaces (IGet, IPost, IReturn<X>). */
  readonly interfaces: readonly string[];
  readonly description?: string;
  readonly properties: readonly PageProperty[];
  /** HTML tables only: the name of the type this table is the base of, when the page shows that relation. */
  readonly baseOf?: string;
  /** HTML tables only: the table is the operation's request or response DTO (its name may be unknown). */
  readonly role?: 'request' | 'response';
}

export interface PageEnumMember {
  readonly name: string;
  /** The underlying number, when the dialect writes one (F# `| Active = 1`). */
  readonly value?: number;
}

export interface PageEnum {
  readonly kind: 'enum';
  /** Undefined when the page lists the members without a name (HTML tables). */
  readonly name?: string;
  readonly members: readonly PageEnumMember[];
}

export type PageType = PageClass | PageEnum;

export interface PageHeader {
  /** The operation name as the page shows it; undefined when the page names none. */
  readonly name?: string;
  readonly description?: string;
  readonly verb?: string;
  readonly route?: string;
  /** True when the page says "Requires Authentication"; undefined when it says nothing. */
  readonly requiresAuth?: boolean;
  readonly roles: readonly string[];
}

/** An XML element of a sample, with its namespace resolved. */
export interface XmlNode {
  readonly name: string;
  readonly prefix?: string;
  readonly namespace: string;
  /** Namespace declarations made on this element: prefix ('' for the default) to URI. */
  readonly declarations: Readonly<Record<string, string>>;
  readonly children: readonly XmlNode[];
  readonly text?: string;
}

export type SampleFormat = 'json' | 'xml' | 'jsv';

export interface PageSample {
  readonly role: 'request' | 'response';
  readonly format: SampleFormat;
  readonly verb?: string;
  readonly path?: string;
  readonly contentType: string;
  /** The body as the page shows it. */
  readonly raw: string;
  /** The body as it goes on the wire: compact JSV, minified JSON, XML without the page's indentation. */
  readonly wire: string;
  /** JSON and JSV: the parsed value (JSV scalars stay strings); XML: undefined. */
  readonly value?: unknown;
  readonly xml?: XmlNode;
}

export type Dialect = 'python' | 'javascript' | 'fsharp' | 'html-tables';

export interface DtoPage {
  /** The file name the page was read from, for evidence. */
  readonly source: string;
  /** The operation the file name says it documents. */
  readonly operation: string;
  readonly dialect: Dialect;
  readonly header: PageHeader;
  readonly types: readonly PageType[];
  readonly samples: readonly PageSample[];
  /** The request DTO's name when the page names one. */
  readonly requestDto?: string;
  /** The DTO code's declared namespace (F# `namespace Voice.Api`), if any. */
  readonly codeNamespace?: string;
}

/** A page that cannot be read; the message says which page and what to check. */
export class PageParseError extends Error {
  constructor(message: string, readonly source?: string) {
    super(source ? `${source}: ${message}` : message);
    this.name = 'PageParseError';
  }
}
