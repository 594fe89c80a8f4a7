import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildModel } from '../../src/model/build-model.js';
import { parsePage } from '../../src/pages/parse-page.js';
import { loadPage, OPERATIONS, pageText } from '../pages/helpers.js';

function modelWith(operation: string, edit: (text: string) => string) {
  const pages = OPERATIONS.map((op) => (op === operation ? parsePage(edit(pageText(op)), `${op}.txt`, op) : loadPage(op)));
  return buildModel(pages).disagreements.filter((d) => / sample: /.test(d.subject));
}

describe('holding the model against the samples', () => {
  it('reports a JSON sample whose members are out of ServiceStack.Text order', () => {
    const found = modelWith('ListSessions', (t) => t.replace('"totalCount":0,"totalPages":0', '"totalPages":0,"totalCount":0'));
    assert.equal(found.length, 1);
    assert.match(found[0]!.evidence[0]!, /member order items,totalPages,totalCount,hasMorePages differs/);
  });

  it('reports an XML sample whose elements are out of DataContractSerializer order', () => {
    const found = modelWith('GetSession', (t) => t.replace('<AccountId>String</AccountId> <AccountName>String</AccountName>', '<AccountName>String</AccountName> <AccountId>String</AccountId>'));
    assert.equal(found.length, 1);
    assert.match(found[0]!.evidence[0]!, /<SessionInfo>: element order/);
  });

  it('reports an enum value the enum does not have and a list item not named after its type', () => {
    const found = modelWith('NewSession', (t) => t.replace('<Channel>Voice</Channel>\n  <CustomerId>', '<Channel>Pigeon</Channel>\n  <CustomerId>').replace('<SessionLogInfo>', '<LogEntry>').replace('</SessionLogInfo>', '</LogEntry>'));
    const text = found.map((d) => d.evidence.join(' ')).join('\n');
    assert.match(text, /'Pigeon' is not a member of FlowChannels\?/);
    assert.match(text, /item <LogEntry> is not named after its type SessionLogInfo/);
  });
});
