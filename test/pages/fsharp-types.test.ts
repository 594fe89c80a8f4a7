import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseFSharpTypes } from '../../src/pages/fsharp-types.js';
import { formatType } from '../../src/pages/type-expr.js';
import { assertSessionEnums, classNamed, enumNamed, loadPage } from './helpers.js';

describe('F# types', () => {
  const page = loadPage('ListSessions');

  it('reads ListSessions: 10 own members, inherit ListRequest<SessionInfo>, the description', () => {
    assert.equal(page.dialect, 'fsharp');
    assert.equal(page.codeNamespace, 'Voice.Api');
    const list = classNamed(page.types, 'ListSessions');
    assert.equal(list.properties.length, 10);
    assert.equal(formatType(list.base!), 'ListRequest<SessionInfo>');
    assert.equal(list.description, 'Retrieve a list of sessions');
    assert.equal(list.properties.find((p) => p.name === 'From')!.description, 'Filter by the from  (this is a contains search)');
    assert.equal(page.requestDto, 'ListSessions');
  });

  it("reads the generic ListRequest<'T> with its 7 members as CLR value types where they are", () => {
    const req = classNamed(page.types, 'ListRequest');
    assert.deepEqual(req.typeParams, ['T']);
    assert.deepEqual(req.interfaces, ['IGet']);
    assert.deepEqual(
      req.properties.map((p) => [p.name, formatType(p.type), p.nullability]),
      [
        ['Page', 'int', 'value'],
        ['All', 'bool', 'value'],
        ['CountPerPage', 'int', 'value'],
        ['SpecificIds', 'List<string>', 'nullable'],
        ['SortField', 'string', 'nullable'],
        ['SortOrder', 'SortOrders', 'value'],
        ['SimplifiedPaging', 'bool', 'value'],
      ],
    );
  });

  it('keeps the closed rendering ListResponse<AccountInfo> as the page shows it', () => {
    const resp = classNamed(page.types, 'ListResponse');
    assert.deepEqual(resp.typeParams, []);
    assert.deepEqual(resp.genericArgs.map(formatType), ['AccountInfo']);
    assert.equal(formatType(resp.properties[0]!.type), 'List<AccountInfo>');
  });

  it('reads enums with their values, in order', () => {
    assertSessionEnums(page.types);
    assert.deepEqual(enumNamed(page.types, 'SortOrders').members, [{ name: 'Ascend', value: 0 }, { name: 'Descend', value: 1 }]);
  });

  it('reads enums and bools as value types and strings, lists and dictionaries as references', () => {
    const info = classNamed(page.types, 'SessionInfo');
    const of = (n: string) => info.properties.find((p) => p.name === n)!.nullability;
    assert.equal(of('Ended'), 'value');
    assert.equal(of('DialState'), 'value');
    assert.equal(of('AccountId'), 'nullable');
    assert.equal(of('Log'), 'nullable');
  });

  it('reads Nullable<...>, dictionaries of lists and doubled quotes in descriptions', () => {
    const code = [
      'namespace My.Api',
      '    type Mode =',
      '        | Off = 0',
      '        | On = 1',
      '    [<AllowNullLiteral>]',
      '    type Thing() = ',
      '        inherit Base<Other>()',
      '        interface IReturn<Thing>',
      '        ///<summary>',
      '        ///Count, if any',
      '        ///</summary>',
      '        [<ApiMember(Description="Count, (if any) ""so-called""")>]',
      '        member val Count:Nullable<Int32> = new Nullable<Int32>() with get,set',
      '        member val ByName:Dictionary<String, ResizeArray<String>> = new Dictionary<String, ResizeArray<String>>() with get,set',
      '        member val Mode:Mode = new Mode() with get,set',
      '        member val MaybeMode:Nullable<Mode> = new Nullable<Mode>() with get,set',
    ].join('\n');
    const { types, namespace } = parseFSharpTypes(code);
    assert.equal(namespace, 'My.Api');
    const thing = classNamed(types, 'Thing');
    assert.equal(formatType(thing.base!), 'Base<Other>');
    assert.deepEqual(thing.interfaces, ['IReturn<Thing>']);
    assert.deepEqual(
      thing.properties.map((p) => [p.name, formatType(p.type), p.nullability, p.description]),
      [
        ['Count', 'int', 'nullable', 'Count, (if any) "so-called"'],
        ['ByName', 'Dictionary<string,List<string>>', 'nullable', undefined],
        ['Mode', 'Mode', 'value', undefined],
        ['MaybeMode', 'Mode', 'nullable', undefined],
      ],
    );
  });
});
