import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { formatType } from '../../src/pages/type-expr.js';
import { parsePythonDataclasses } from '../../src/pages/python-dataclasses.js';
import { assertSessionEnums, classNamed, enumNamed, loadPage } from './helpers.js';

describe('Python dataclasses', () => {
  const indented = loadPage('NewSession');
  const flattened = loadPage('GetMySessions');

  it('reads the indented page: every type, NewSession with its 14 members and description', () => {
    assert.equal(indented.dialect, 'python');
    const newSession = classNamed(indented.types, 'NewSession');
    assert.equal(newSession.properties.length, 14);
    assert.equal(newSession.description, 'Create a new session');
    assert.deepEqual(newSession.interfaces, ['IPost']);
    assert.equal(indented.requestDto, 'NewSession');
    const memberEmails = newSession.properties.find((p) => p.name === 'member_email_addresses')!;
    assert.equal(formatType(memberEmails.type), 'List<string>');
    assert.equal(memberEmails.clrName, 'MemberEmailAddresses');
    assert.equal(memberEmails.nullability, 'nullable');
    assert.equal(memberEmails.description, 'User email addresses to add as members');
  });

  it('reads the flattened page the same way, by structure rather than indentation', () => {
    const names = (types: typeof flattened.types) => types.filter((t) => t.name !== 'NewSession' && t.name !== 'GetMySessions' && t.name !== 'GetMySessionsResponse').map((t) => t.name);
    assert.deepEqual(names(flattened.types), names(indented.types));
    const a = classNamed(flattened.types, 'SessionInfo');
    const b = classNamed(indented.types, 'SessionInfo');
    assert.equal(a.properties.length, 36);
    assert.deepEqual(a.properties.map((p) => [p.name, p.description]), b.properties.map((p) => [p.name, p.description]));
    assert.deepEqual(a.base, { kind: 'ref', name: 'EntityInfo', args: [] });
    const request = classNamed(flattened.types, 'GetMySessions');
    assert.equal(request.properties.length, 0);
    assert.equal(request.description, 'Get all your active sessions');
    assert.equal(classNamed(flattened.types, 'GetMySessionsResponse').properties[0]!.declared, 'Optional[List[SessionInfo]]');
  });

  it('keeps what each page says about null: bool = False versus Optional[bool] = None', () => {
    const ended = (page: typeof indented) => classNamed(page.types, 'SessionInfo').properties.find((p) => p.name === 'ended')!;
    assert.equal(ended(flattened).nullability, 'value');
    assert.equal(ended(flattened).defaultValue, 'False');
    assert.equal(ended(indented).nullability, 'nullable');
    assert.equal(ended(indented).defaultValue, 'None');
  });

  it('reads the enums with their members in order', () => {
    assertSessionEnums(flattened.types);
  });

  it('reads descriptions holding commas, parentheses and quotes, generics, nested lists and dictionaries', () => {
    const code = [
      'T = TypeVar(\'T\')',
      '@dataclass_json(letter_case=LetterCase.CAMEL, undefined=Undefined.EXCLUDE)',
      '@dataclass',
      'class Page(Generic[T], IGet):',
      '# @ApiMember(Description="Rows, (say) \\"quoted\\" ones")',
      'rows: Optional[List[List[T]]] = None',
      '"""',
      'Rows, (say) "quoted" ones',
      '"""',
      'by_key: Dict[str, List[str]] = field(default_factory=dict)',
      'class Levels(IntEnum):',
      'LOW = 1',
      'HIGH = 2',
      '# @Api(Description="Level, or none")',
      '@dataclass',
      'class Thing(Page[Item]):',
      '"""',
      'Level, or none',
      '"""',
      'level: Levels = Levels.LOW',
    ].join('\n');
    const types = parsePythonDataclasses(code);
    const page = classNamed(types, 'Page');
    assert.deepEqual(page.typeParams, ['T']);
    assert.deepEqual(page.interfaces, ['IGet']);
    assert.equal(page.properties[0]!.description, 'Rows, (say) "quoted" ones');
    assert.equal(formatType(page.properties[0]!.type), 'List<List<T>>');
    assert.equal(formatType(page.properties[1]!.type), 'Dictionary<string,List<string>>');
    assert.equal(page.properties[1]!.defaultValue, 'field(default_factory=dict)');
    assert.deepEqual(enumNamed(types, 'Levels').members, [{ name: 'LOW', value: 1 }, { name: 'HIGH', value: 2 }]);
    const thing = classNamed(types, 'Thing');
    assert.equal(thing.description, 'Level, or none');
    assert.equal(formatType(thing.base!), 'Page<Item>');
    assert.equal(thing.properties[0]!.nullability, 'value');
  });
});
