import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readJsvValue } from '../../src/wire/jsv-value.js';
import { WireParseError } from '../../src/wire/codec.js';
import type { WireType } from '../../src/spec/wire-type.js';

const bool: WireType = { kind: 'boolean' };
const int: WireType = { kind: 'integer' };
const str: WireType = { kind: 'string' };
const strings: WireType = { kind: 'list', item: str };
const ints: WireType = { kind: 'list', item: int };
const order: WireType = { kind: 'enum', name: 'SortOrders', members: ['Ascend', 'Descend'] };
const dict: WireType = { kind: 'dictionary', value: str };

describe('readJsvValue reads a query value as ServiceStack binds it', () => {
  const accepted: Array<[string, WireType, string, unknown]> = [
    ['string takes the raw text, quotes kept', str, '"a,b"', '"a,b"'],
    ['string keeps surrounding spaces', str, '  x ', '  x '],
    ['true in any case', bool, 'TRUE', true],
    ['False capitalised', bool, 'False', false],
    ['1 is true', bool, '1', true],
    ['0 is false', bool, '0', false],
    ['t is true', bool, 't', true],
    ['F is false', bool, 'F', false],
    ['y is true', bool, 'Y', true],
    ['n is false', bool, 'n', false],
    ['on is true', bool, 'on', true],
    ['off is false', bool, 'off', false],
    ['empty boolean is false', bool, '', false],
    ['integer', int, '25', 25],
    ['negative integer', int, '-3', -3],
    ['integer with a plus sign', int, '+7', 7],
    ['integer with surrounding spaces', int, ' 4 ', 4],
    ['Int32 max', int, '2147483647', 2147483647],
    ['Int32 min', int, '-2147483648', -2147483648],
    ['empty integer is not given', int, '', undefined],
    ['enum, canonical case', order, 'descend', 'Descend'],
    ['enum by position', order, '1', 'Descend'],
    ['comma-joined list', strings, 'a,b,c', ['a', 'b', 'c']],
    ['bracketed list', strings, '[a,b]', ['a', 'b']],
    ['quoted item holding a comma', strings, '"a,b",c', ['a,b', 'c']],
    ['quoted item with a doubled quote', strings, '["say ""hi""",x]', ['say "hi"', 'x']],
    ['list items keep inner spaces', strings, '[a, b]', ['a', ' b']],
    ['single item', strings, 'only', ['only']],
    ['empty brackets', strings, '[]', []],
    ['empty text is an empty list', strings, '', []],
    ['empty items are dropped', strings, 'a,,b,', ['a', 'b']],
    ['list of integers', ints, '1,2,3', [1, 2, 3]],
    ['map', dict, '{a:1,"b:c":"x,y"}', { a: '1', 'b:c': 'x,y' }],
  ];
  for (const [name, type, text, expected] of accepted) {
    it(name, () => assert.deepEqual(readJsvValue(text, type), expected));
  }

  const refused: Array<[string, WireType, string, RegExp]> = [
    ['a word for an integer', int, 'abc', /'abc' is not a valid Int32/],
    ['a decimal for an integer', int, '1.5', /'1\.5' is not a valid Int32/],
    ['an integer above Int32', int, '2147483648', /not a valid Int32/],
    ['an integer below Int32', int, '-2147483649', /not a valid Int32/],
    ['a word for a boolean', bool, 'maybe', /'maybe' is not a valid Boolean/],
    ['an unknown enum member', order, 'Sideways', /'Sideways' is not a valid SortOrders .*Ascend, Descend/],
    ['an enum position out of range', order, '2', /not a valid SortOrders/],
    ['a bad item in a list of integers', ints, '1,x', /'x' is not a valid Int32/],
    ['an unterminated quote', strings, '"a,b', /unterminated quoted string/],
    ['an unbalanced bracket', strings, '[a,b', /must end with '\]'/],
    ['a map without braces', dict, 'a:1', /expected a dictionary map/],
  ];
  for (const [name, type, text, message] of refused) {
    it(`refuses ${name}`, () => {
      assert.throws(() => readJsvValue(text, type), (e: unknown) => e instanceof WireParseError && message.test(e.message));
    });
  }
});
