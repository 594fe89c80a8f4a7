import { createHash } from 'node:crypto';

/** Namespaces DataContractSerializer treats as built in: a generic argument from one adds no hash. */
const BUILT_IN_NAMESPACES = new Set(['http://www.w3.org/2001/XMLSchema', 'http://schemas.microsoft.com/2003/10/Serialization/']);

/**
 * DataContractSerializer's digest for a closed generic's name (DataContract.GetNamespacesDigest in
 * dotnet/runtime, System.Runtime.Serialization DataContract.cs; the same in referencesource): MD5 of the
 * UTF-8 string " {nested parameter counts...} {argument namespaces...}", its first 6 bytes in base64,
 * '=' dropped, '/' written "_S" and '+' written "_P". DCS uses its own MD5 routine (so it works where
 * MD5 is disabled by policy); its output is standard MD5's, which node computes.
 */
export function namespacesDigest(namespaces: string): string {
  const digest = createHash('md5').update(Buffer.from(namespaces, 'utf8')).digest().subarray(0, 6);
  return digest
    .toString('base64')
    .replace(/=/g, '')
    .replace(/\//g, '_S')
    .replace(/\+/g, '_P');
}

export interface GenericArgName {
  /** The argument's data-contract name, e.g. SessionInfo. */
  readonly name: string;
  /** The argument's XML namespace. */
  readonly namespace: string;
}

/**
 * The data-contract (XML element) name of a closed generic type without [DataContract(Name)]:
 * `{Name}Of{Arg1}{Arg2}...`, plus the namespaces digest when any argument's namespace is not one of
 * DCS's built-in ones (DataContract.GetDefaultStableLocalName: `nestedParamCounts.Count > 1 ||
 * !parametersFromBuiltInNamespaces`). For a non-nested generic the nested parameter counts are just the
 * argument count, so ListResponse<SessionInfo> hashes " 1 http://schemas.datacontract.org/2004/07/Voice.Api.Sessions".
 */
export function genericDataContractName(name: string, args: readonly GenericArgName[]): string {
  const local = `${name}Of${args.map((a) => a.name).join('')}`;
  if (args.every((a) => BUILT_IN_NAMESPACES.has(a.namespace))) return local;
  const namespaces = ` ${args.length}` + args.map((a) => ` ${a.namespace}`).join('');
  return local + namespacesDigest(namespaces);
}
