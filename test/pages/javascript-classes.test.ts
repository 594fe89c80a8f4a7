import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseJavaScriptClasses } from '../../src/pages/javascript-classes.js';
import { formatType } from '../../src/pages/type-expr.js';
import { assertSessionEnums, classNamed, enumNamed, loadPage } from './helpers.js';

describe('JavaScript ES-module classes with JSDoc', () => {
  const page = loadPage('GetActiveSessions');

  it('reads the page: classes, bases, members with types and descriptions', () => {
    assert.equal(page.dialect, 'javascript');
    const info = classNamed(page.types, 'SessionInfo');
    assert.equal(info.properties.length, 36);
    assert.deepEqual(info.base, { kind: 'ref', name: 'EntityInfo', args: [] });
    const breadcrumb = info.properties.find((p) => p.name === 'customerBreadcrumb')!;
    assert.equal(breadcrumb.clrName, 'CustomerBreadcrumb');
    assert.equal(formatType(breadcrumb.type), 'List<CustomerBreadcrumb>');
    assert.equal(breadcrumb.description, 'The customer breadcrumb this session is associated with');
    assert.equal(breadcrumb.nullability, 'unspecified');
    const member = classNamed(page.types, 'SessionMemberInfo');
    assert.equal(formatType(member.properties.find((p) => p.name === 'applicationData')!.type), 'Dictionary<string,string>');
    assert.equal(classNamed(page.types, 'GetActiveSessions').properties.length, 0);
    assert.equal(page.requestDto, 'GetActiveSessions');
  });

  it('reads the enums from their IIFEs, members in order', () => {
    assertSessionEnums(page.types);
  });

  it('reads quoted descriptions, nested arrays, maps of lists and a typedef-only enum', () => {
    const code = [
      '/** @typedef {\'A\'|\'B\'} */',
      'export var Letters;',
      '(function (Letters) {',
      '})(Letters || (Letters = {}));',
      'export class Grid {',
      '/** @param {{cells?:string[][]}} [init] */',
      'constructor(init) { Object.assign(this, init) }',
      '/**',
      '* @type {string[][]}',
      '* @description Cells, by row (then column), "as drawn" */',
      'cells;',
      '/** @type {{ [index:string]: number[]; }} */',
      'totals;',
      '/** @type {Letters} */',
      'letter;',
      '}',
    ].join('\n');
    const types = parseJavaScriptClasses(code);
    assert.deepEqual(enumNamed(types, 'Letters').members.map((m) => m.name), ['A', 'B']);
    const grid = classNamed(types, 'Grid');
    assert.equal(formatType(grid.properties[0]!.type), 'List<List<string>>');
    assert.equal(grid.properties[0]!.description, 'Cells, by row (then column), "as drawn"');
    assert.equal(formatType(grid.properties[1]!.type), 'Dictionary<string,List<double>>');
    assert.deepEqual(grid.properties[2]!.type, { kind: 'ref', name: 'Letters', args: [] });
  });

  it('says which field lacks a type', () => {
    assert.throws(() => parseJavaScriptClasses('export class A {\nname;\n}'), /field 'name' has no @type/);
  });
});
