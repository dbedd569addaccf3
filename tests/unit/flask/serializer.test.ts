import { describe, expect, test } from 'vitest';
import { base64UrlEncode, utf8Encode } from '../../../src/lib/flask/encoding.ts';
import { newDict } from '../../../src/lib/flask/python.ts';
import { URLSafeTimedSerializer } from '../../../src/lib/flask/serializer.ts';
import { TimestampSigner } from '../../../src/lib/flask/timed.ts';

const T0 = 1700000000;
const clock = { now: T0, maxAge: 2678400 };
const serializer = new URLSafeTimedSerializer('dev-secret-key');
/** A validly signed cookie around any payload segment (only a key holder can make one). */
const signed = (segment: string) =>
  new TextDecoder().decode(new TimestampSigner('dev-secret-key').sign(utf8Encode(segment), T0));

describe('URLSafeTimedSerializer as Flask builds it', () => {
  test('dumps the spec example cookie', async () => {
    const dumped = await serializer.dumps(Object.assign(newDict(), { count: 1 }), T0);
    expect(dumped).toEqual({
      ok: true,
      cookie: 'eyJjb3VudCI6MX0.ZVPxAA.Xss3LkRekfPz2zxJbqRLrfLUhuI',
    });
  });

  test('compressed payloads start with a dot', async () => {
    const dumped = await serializer.dumps(Object.assign(newDict(), { x: 'aaaaaaaaaaaa' }), T0);
    expect(dumped).toEqual({
      ok: true,
      cookie: '.eJyrVqpQslJKRAJKtQBD7Qa_.ZVPxAA.ZUFCO6aNoZwTGE7MVM1WmkCOCtA',
    });
  });

  test.each([
    ['e', 'Could not base64 decode the payload because of an exception'],
    [
      `.${base64UrlEncode(utf8Encode('not zlib'))}`,
      'Could not zlib decompress the payload before decoding the payload',
    ],
    [
      base64UrlEncode(utf8Encode('{x')),
      'Could not load the payload because an exception occurred on unserializing the data.',
    ],
  ])('a validly signed payload %j raises BadPayload', async (segment, message) => {
    expect(await serializer.loads(signed(segment), clock)).toMatchObject({
      ok: false,
      error: 'BadPayload',
      pythonMessage: message,
    });
  });

  test('a compressed cookie without pako reports ZlibUnavailable', async () => {
    const offline = new URLSafeTimedSerializer('dev-secret-key', {
      loadZlib: () => Promise.reject(new Error('offline')),
    });
    const cookie = '.eJyrVqpQslJKRAJKtQBD7Qa_.ZVPxAA.ZUFCO6aNoZwTGE7MVM1WmkCOCtA';
    expect(await offline.loads(cookie, clock)).toMatchObject({
      ok: false,
      error: 'ZlibUnavailable',
    });
  });
});
