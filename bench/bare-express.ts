/**
 * The floor the mock is measured against: a bare Express 5 app that answers GET /sessions/:id with a
 * precomputed SessionInfo body, no auth, no validation, no store. Usage: tsx bench/bare-express.ts PORT BODYFILE
 */
import express from 'express';
import { readFileSync } from 'node:fs';

const [portArg, bodyFile] = process.argv.slice(2);
if (!portArg || !bodyFile) {
  console.error('usage: bare-express PORT BODYFILE');
  process.exit(2);
}
const body = readFileSync(bodyFile, 'utf8');
const app = express();
app.get('/sessions/:id', (_req, res) => {
  res.type('application/json; charset=utf-8').send(body);
});
app.listen(Number(portArg), '127.0.0.1');
process.on('SIGTERM', () => process.exit(0));
