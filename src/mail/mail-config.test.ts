import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../config';

describe('e-mail settings', () => {
  it('defaults: log transport, default From, no listener', () => {
    const c = loadConfig({});
    expect(c.smtpUrl).toBeUndefined();
    expect(c.mailFrom).toBe('servicepact <no-reply@localhost>');
    expect(c.smtpListen).toBeNull();
  });

  it('reads SMTP_URL, MAIL_FROM and the listener settings', () => {
    const c = loadConfig({ SMTP_URL: 'smtps://u:p@mail.msp.test:465', MAIL_FROM: 'Acme Support <help@msp.test>', SMTP_LISTEN_PORT: '2525', SMTP_MAX_MESSAGE_BYTES: '1048576' });
    expect(c.smtpUrl).toBe('smtps://u:p@mail.msp.test:465');
    expect(c.mailFrom).toBe('Acme Support <help@msp.test>');
    expect(c.smtpListen).toEqual({ port: 2525, host: '127.0.0.1', maxMessageBytes: 1048576, tls: null });
    expect(loadConfig({ SMTP_LISTEN_PORT: '25' }).smtpListen?.maxMessageBytes).toBe(25 * 1024 * 1024);
  });

  it.each([
    [{ SMTP_URL: 'http://mail.msp.test' }, 'SMTP_URL'],
    [{ SMTP_URL: 'not a url' }, 'SMTP_URL'],
    [{ MAIL_FROM: 'no address here' }, 'MAIL_FROM'],
    [{ SMTP_LISTEN_PORT: '70000' }, 'SMTP_LISTEN_PORT'],
    [{ SMTP_LISTEN_PORT: '25', SMTP_MAX_MESSAGE_BYTES: '12' }, 'SMTP_MAX_MESSAGE_BYTES'],
    [{ SMTP_LISTEN_PORT: '25', SMTP_LISTEN_TLS_KEY: 'key.pem' }, 'SMTP_LISTEN_TLS_KEY'],
  ])('refuses %o naming %s', (env, name) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(name);
  });
});
