/**
 * A team's dataset at its own https address, for the managed-policy tests in both browsers: a
 * local HTTPS server with a throwaway certificate (tests/data/tls/), which each browser is told to
 * reach at `TEAM_HOST` and to trust for the test.
 */
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';

export const TEAM_HOST = 'team-data.eurefs-test.example';
export const TEAM_FILE = '/eurefs-team.json';
export const TEAM_VERSION = 'team-2019-04.1';
export const TEAM_TITLE = 'ETIAS proposal, as the team tracks it';

const TLS = resolve(import.meta.dirname, '../data/tls');
const REPORT = { id: 'COM(2019) 145', ordinal: 18, title: 'Eighteenth progress report', date: '2019-03-20' };

export const teamDataset = JSON.stringify({
  schemaVersion: 2,
  version: TEAM_VERSION,
  reports: [REPORT],
  documents: [
    {
      id: 'COM(2016) 731',
      type: 'com',
      kind: 'legislative-proposal',
      title: TEAM_TITLE,
      events: [{ date: '2016-11-16', stage: 'proposed', institution: 'Commission', label: 'Proposed by the Commission', source: { report: REPORT.id, section: 'II.1' } }],
    },
  ],
});

export interface TeamServer {
  port: number;
  /** how many requests reached the server */
  asked: () => number;
  close: () => void;
}

export async function serveTeamDataset(): Promise<TeamServer> {
  let asked = 0;
  const server: Server = createServer({ key: readFileSync(`${TLS}/test-key.pem`), cert: readFileSync(`${TLS}/test-cert.pem`) }, (request, response) => {
    asked += 1;
    const found = request.url === TEAM_FILE;
    // The extension's origin is not the server's: the file is read across origins, as from a team's own server.
    response.writeHead(found ? 200 : 404, { 'content-type': 'application/json', 'access-control-allow-origin': '*' });
    response.end(found ? teamDataset : '{}');
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  return { port: (server.address() as AddressInfo).port, asked: () => asked, close: () => server.close() };
}
