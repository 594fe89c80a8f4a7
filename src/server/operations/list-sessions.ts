import type { SessionQuery, SessionStore, SortOrder } from '../../store/session-store.js';
import type { WireObject } from '../../spec/wire-type.js';
import { findProperty } from '../binding/string-map-binder.js';
import { validationError, type FieldError } from '../errors/service-error.js';
import { scopeOf } from './signed-in-user.js';
import { flag, int, text, texts } from './dto-fields.js';
import type { OperationHandler } from './handler.js';

/**
 * GET /sessions: every ListSessions and ListRequest parameter, over the signed-in user's accounts. What the
 * spec cannot check (a sortField that is no SessionInfo property, a date that is no day, a negative
 * page) is a 400 naming the field; the store owns the query's meaning.
 */
export function listSessions(store: SessionStore): OperationHandler {
  return ({ op, dto, principal }) => {
    const query = toSessionQuery(dto);
    const errors: FieldError[] = [...pagingErrors(query)];
    for (const problem of store.checkQuery(query)) {
      errors.push({ errorCode: 'ArgumentException', fieldName: clrName(op.requestType, problem.field), message: problem.message });
    }
    const [first, ...rest] = errors;
    if (first) throw validationError([first, ...rest]);
    return store.list(query, scopeOf(principal));
  };
}

/** ListSessions as the store takes it: lists split, absent members left for the store's defaults. */
export function toSessionQuery(dto: Readonly<Record<string, unknown>>): SessionQuery {
  const optional = (name: string) => {
    const v = text(dto, name);
    return v === undefined ? {} : { [name]: v };
  };
  return {
    page: int(dto, 'page'),
    countPerPage: int(dto, 'countPerPage'),
    all: flag(dto, 'all'),
    simplifiedPaging: flag(dto, 'simplifiedPaging'),
    specificIds: texts(dto, 'specificIds'),
    ...optional('sortField'),
    ...(optional('sortOrder') as { sortOrder?: SortOrder }),
    accountIds: texts(dto, 'accountIds'),
    customerIds: texts(dto, 'customerIds'),
    endpointIds: texts(dto, 'endpointIds'),
    ...optional('from'),
    ...optional('to'),
    ...optional('log'),
    ...optional('parentSessionId'),
    ...optional('startDate'),
    ...optional('endDate'),
    searchArchive: flag(dto, 'searchArchive'),
  };
}

/** A negative page or page size is a mistake worth saying, not something to round away. */
function pagingErrors(query: SessionQuery): FieldError[] {
  const errors: FieldError[] = [];
  if (query.page < 0) {
    errors.push({ errorCode: 'ArgumentException', fieldName: 'Page', message: `'${query.page}' is an Invalid value for 'Page': expected 0 or more (pages count from 0).` });
  }
  if (query.countPerPage < 0) {
    errors.push({
      errorCode: 'ArgumentException',
      fieldName: 'CountPerPage',
      message: `'${query.countPerPage}' is an Invalid value for 'CountPerPage': expected 1 or more (0 or absent means the default, 25).`,
    });
  }
  return errors;
}

function clrName(type: WireObject, field: string): string {
  return findProperty(type, field.toLowerCase())?.clrName ?? field.charAt(0).toUpperCase() + field.slice(1);
}
