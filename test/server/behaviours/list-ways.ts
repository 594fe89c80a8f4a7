/** Every way a client reaches ListSessions in every format: its REST route by Accept, and the predefined routes. */
const ACCEPT: Readonly<Record<'json' | 'xml' | 'jsv', string>> = { json: 'application/json', xml: 'application/xml', jsv: 'application/jsv' };

export interface ListWay {
  readonly name: string;
  readonly format: 'json' | 'xml' | 'jsv';
  readonly path: string;
  readonly accept?: string;
}

export const LIST_WAYS: readonly ListWay[] = [
  { name: 'REST json', format: 'json', path: '/sessions?countPerPage=2', accept: ACCEPT.json },
  { name: 'REST xml', format: 'xml', path: '/sessions?countPerPage=2', accept: ACCEPT.xml },
  { name: 'REST jsv', format: 'jsv', path: '/sessions?countPerPage=2', accept: ACCEPT.jsv },
  { name: '/api json', format: 'json', path: '/api/ListSessions?countPerPage=2' },
  { name: '/xml/reply', format: 'xml', path: '/xml/reply/ListSessions?countPerPage=2' },
  { name: '/jsv/reply', format: 'jsv', path: '/jsv/reply/ListSessions?countPerPage=2' },
];
