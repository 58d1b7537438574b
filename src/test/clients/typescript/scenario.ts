// The typescript-fetch client OpenAPI Generator makes from the contract, driving a running service as a player
// would: a session (its id read from Location), a playback with an ad break, each error status, the session read back.
//
//   node target/typescript-client/src/test/clients/typescript/scenario.js <base-url>
import * as assert from 'node:assert/strict';
import {
  Configuration, EventsApi, MediaEvent, Problem, ResponseError, SessionsApi, SessionStart,
} from '../../../../target/generated-clients/typescript';

const base = process.argv[2];
const config = new Configuration({ basePath: base });
const sessions = new SessionsApi(config);
const events = new EventsApi(config);
const T0 = 1_764_147_600_000;

function sessionStart(mediaId: string): SessionStart {
  return {
    playerTime: { playhead: 0, ts: T0 },
    eventType: 'sessionStart',
    params: {
      analyticsTrackingServer: 'metrics.example.com',
      analyticsReportSuite: 'examplersid',
      visitorMarketingCloudOrgId: '0123456789ABCDEF01234567@AdobeOrg',
      mediaId,
      mediaLength: 60,
      mediaContentType: 'vod',
      mediaPlayerName: 'typescript-client',
      mediaChannel: 'tests',
    },
  };
}

/** The session id, read from the Location header as Adobe's JS SDK does: location.split("/")[4]. */
async function open(start: SessionStart): Promise<string> {
  const created = await sessions.createSessionRaw({ sessionStart: start });
  assert.equal(created.raw.status, 201);
  const location = created.raw.headers.get('location') ?? '';
  assert.match(location, /^\/api\/v1\/sessions\/[0-9a-f]{64}$/);
  return location.split('/')[4];
}

async function problemOf(call: Promise<unknown>, status: number): Promise<Problem> {
  try {
    await call;
  } catch (error) {
    assert.ok(error instanceof ResponseError, `expected an HTTP error, got ${error}`);
    assert.equal(error.response.status, status);
    assert.equal(error.response.headers.get('content-type'), 'application/problem+json');
    return (await error.response.json()) as Problem;
  }
  throw new assert.AssertionError({ message: `expected ${status}` });
}

const at = (playhead: number, ms: number) => ({ playhead, ts: T0 + ms });

async function main(): Promise<void> {
  const media = `typescript-client-${Date.now()}`;
  const session = await open(sessionStart(media));

  // The union is discriminated on eventType: each event gets its own typed params.
  const playback: MediaEvent[] = [
    { eventType: 'adBreakStart', playerTime: at(0, 1_000), params: { mediaAdPodIndex: 0, mediaAdPodSecond: 0 } },
    { eventType: 'adStart', playerTime: at(0, 1_001),
      params: { mediaAdId: 'ad-1', mediaAdLength: 15, mediaAdPodPosition: 1, mediaAdPlayerName: 'typescript-client' } },
    { eventType: 'adComplete', playerTime: at(0, 16_001) },
    { eventType: 'adBreakComplete', playerTime: at(0, 16_002) },
    { eventType: 'play', playerTime: at(0, 17_000), qoeData: { mediaQoeTimeToStart: 800 } },
    { eventType: 'chapterStart', playerTime: at(0, 17_001),
      params: { mediaChapterIndex: 1, mediaChapterOffset: 0, mediaChapterLength: 60 } },
    { eventType: 'ping', playerTime: at(10, 27_000) },
    { eventType: 'pauseStart', playerTime: at(15, 32_000) },
    { eventType: 'play', playerTime: at(15, 37_000) },
    { eventType: 'stateStart', playerTime: at(20, 42_000), params: { mediaStateName: 'fullscreen' } },
    { eventType: 'sessionComplete', playerTime: at(60, 82_000) },
    { eventType: 'sessionEnd', playerTime: at(60, 82_001) },
  ];
  for (const event of playback) {
    await events.trackEvent({ sessionId: session, mediaEvent: event });
  }

  // A mistake the service can keep is kept (default profile), and read back as a finding.
  const kept = sessionStart(media);
  kept.playerTime.playhead = -1;
  const keptSession = await sessions.getSession({ sessionId: await open(kept) });
  assert.equal(keptSession.findingCount, 1);
  assert.deepEqual(keptSession.start.findings,
    [{ rule: 'minimum', pointer: '/playerTime/playhead', message: 'must be at least 0' }]);

  // 400 for one it cannot (no playerTime): every violation at once, each with its pointer and rule.
  const bad: Partial<SessionStart> = sessionStart(media);
  delete bad.playerTime;
  bad.params!.mediaLength = -60;
  const refused = await problemOf(sessions.createSession({ sessionStart: bad as SessionStart }), 400);
  assert.equal(refused.type, '/problems/schema-violation');
  assert.deepEqual(refused.errors?.map((error) => `${error.rule} ${error.pointer}`).sort(),
    ['minimum /params/media.length', 'required /playerTime']);

  // 404 for a session that never existed, 410 for one that ended.
  const ping: MediaEvent = { eventType: 'ping', playerTime: at(60, 90_000) };
  const unknown = await problemOf(events.trackEvent({ sessionId: '0'.repeat(64), mediaEvent: ping }), 404);
  assert.equal(unknown.type, '/problems/unknown-session');
  const closed = await problemOf(events.trackEvent({ sessionId: session, mediaEvent: ping }), 410);
  assert.equal(closed.type, '/problems/session-closed');

  // Read back: the session, its metrics, its events in ts order.
  const detail = await sessions.getSession({ sessionId: session });
  assert.equal(detail.state, 'closed');
  assert.equal(detail.eventCount, playback.length);
  assert.equal(detail.metrics.adTimeSpent, 15);
  assert.equal(detail.metrics.contentTimeSpent, 60);
  assert.equal(detail.metrics.totalPauseDuration, 5);
  assert.equal(detail.metrics.fullScreenCount, 1);
  assert.equal(detail.metrics._final, true);
  assert.equal(detail.metrics.contentCompletes, 1);
  assert.equal(detail.metrics.states['fullscreen']?.count, 1);
  const page = await events.listEvents({ sessionId: session, order: 'ts', limit: 5 });
  assert.equal(page.items.length, 5);
  assert.ok(page.next);
  console.log(`typescript client: session ${session} tracked, refused, read back`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
