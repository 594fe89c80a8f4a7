import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { formatType, parseTypeText } from '../../src/pages/type-expr.js';

describe('reading a type as any dialect writes it', () => {
  const cases: Array<{ text: string; type: string; optional: boolean }> = [
    { text: 'Optional[str]', type: 'string', optional: true },
    { text: 'bool', type: 'bool', optional: false },
    { text: 'Optional[List[CustomerBreadcrumb]]', type: 'List<CustomerBreadcrumb>', optional: true },
    { text: 'Optional[Dict[str, str]]', type: 'Dictionary<string,string>', optional: true },
    { text: 'List[List[str]]', type: 'List<List<string>>', optional: false },
    { text: 'Dict[str, List[SessionInfo]]', type: 'Dictionary<string,List<SessionInfo>>', optional: false },
    { text: 'SessionInfo[]', type: 'List<SessionInfo>', optional: false },
    { text: 'string[][]', type: 'List<List<string>>', optional: false },
    { text: '{ [index:string]: string; }', type: 'Dictionary<string,string>', optional: false },
    { text: 'number', type: 'double', optional: false },
    { text: 'ResizeArray<String>', type: 'List<string>', optional: false },
    { text: 'Dictionary<String, String>', type: 'Dictionary<string,string>', optional: false },
    { text: 'Dictionary<String, ResizeArray<SessionLogInfo>>', type: 'Dictionary<string,List<SessionLogInfo>>', optional: false },
    { text: 'Nullable<Int32>', type: 'int', optional: true },
    { text: 'Int32', type: 'int', optional: false },
    { text: "ListRequest<'T>", type: 'ListRequest<T>', optional: false },
    { text: 'ListResponse<AccountInfo>', type: 'ListResponse<AccountInfo>', optional: false },
    { text: 'List<CustomerBreadcrumb>', type: 'List<CustomerBreadcrumb>', optional: false },
    { text: 'Dictionary<string, string>', type: 'Dictionary<string,string>', optional: false },
    { text: 'int?', type: 'int', optional: true },
  ];
  for (const c of cases) {
    it(`${c.text} is ${c.type}${c.optional ? ' (optional)' : ''}`, () => {
      const parsed = parseTypeText(c.text);
      assert.equal(formatType(parsed.type), c.type);
      assert.equal(parsed.optional, c.optional);
    });
  }

  it('says where a malformed type goes wrong', () => {
    assert.throws(() => parseTypeText('List[str'), /expected '\]'/);
    assert.throws(() => parseTypeText('Optional[str, int]'), /one type argument/);
  });
});
