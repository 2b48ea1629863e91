import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTenant, createTestApp, type TestApp } from '../../test/support/test-app';
import { enqueueEmail } from './outbox';
import { deliverPendingEmails, logTransport, startOutboxDelivery, type MailMessage, type MailTransport } from './outbox-deliverer';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const rows = (tenantId: string) => t.ctx.db.selectFrom('outbox_emails').selectAll().where('tenant_id', '=', tenantId).orderBy('created_at').execute();

function recorder(failFor: string[] = []): MailTransport & { sent: MailMessage[] } {
  const sent: MailMessage[] = [];
  return {
    sent,
    async send(msg) {
      if (failFor.includes(msg.to)) throw new Error(`mailbox ${msg.to} unavailable`);
      sent.push(msg);
    },
  };
}

// Other test files share the PostgreSQL test database: each test delivers only its own tenant's mail.
describe('e-mail outbox', () => {
  it('sends queued e-mails oldest first and marks them sent', async () => {
    const { tenant } = await createTenant(t.ctx);
    await enqueueEmail(t.ctx.db, { tenantId: tenant.id, to: 'first@x.test', subject: 'One', text: 'Hello 1', kind: 'test' });
    await enqueueEmail(t.ctx.db, { tenantId: tenant.id, to: 'second@x.test', subject: 'Two', text: 'Hello 2', html: '<p>2</p>', kind: 'test' });
    const transport = recorder();
    const now = new Date(Date.now() + 1000);
    await deliverPendingEmails(t.ctx.db, transport, now, { tenantId: tenant.id });
    expect(transport.sent.map((m) => m.to)).toEqual(['first@x.test', 'second@x.test']);
    expect(transport.sent[1]).toMatchObject({ subject: 'Two', text: 'Hello 2', html: '<p>2</p>' });
    const after = await rows(tenant.id);
    expect(after.every((r) => r.sent_at?.getTime() === now.getTime() && r.attempts === 1)).toBe(true);
    // a second run sends nothing again
    const again = recorder();
    await deliverPendingEmails(t.ctx.db, again, new Date(now.getTime() + 1000), { tenantId: tenant.id });
    expect(again.sent).toEqual([]);
  });

  it('records a failure and retries later, after a back-off', async () => {
    const { tenant } = await createTenant(t.ctx);
    const to = `down-${tenant.id}@x.test`;
    await enqueueEmail(t.ctx.db, { tenantId: tenant.id, to, subject: 'S', text: 'T', kind: 'test' });
    const start = new Date(Date.now() + 1000);
    await deliverPendingEmails(t.ctx.db, recorder([to]), start, { tenantId: tenant.id });
    let [row] = await rows(tenant.id);
    expect(row).toMatchObject({ sent_at: null, attempts: 1, last_error: `mailbox ${to} unavailable` });
    // within the back-off nothing is tried
    const early = recorder();
    await deliverPendingEmails(t.ctx.db, early, new Date(start.getTime() + 30_000), { tenantId: tenant.id });
    expect(early.sent).toEqual([]);
    const later = recorder();
    await deliverPendingEmails(t.ctx.db, later, new Date(start.getTime() + 3 * 60_000), { tenantId: tenant.id });
    expect(later.sent.map((m) => m.to)).toEqual([to]);
    [row] = await rows(tenant.id);
    expect(row).toMatchObject({ attempts: 2, last_error: null });
    expect(row!.sent_at).not.toBeNull();
  });

  it('delivers on an interval until stopped; the log transport logs recipient, subject and text', async () => {
    const { tenant } = await createTenant(t.ctx);
    const logged: Array<{ obj: object; msg?: string }> = [];
    const transport = logTransport({ info: (obj, msg) => logged.push({ obj, msg }) });
    const to = `log-${tenant.id}@x.test`;
    await enqueueEmail(t.ctx.db, { tenantId: tenant.id, to, subject: 'Logged', text: 'Body text', kind: 'test' });
    const stop = startOutboxDelivery(t.ctx.db, transport, 20, { now: () => new Date(Date.now() + 1000), tenantId: tenant.id });
    for (let i = 0; i < 100 && !(await rows(tenant.id))[0]!.sent_at; i++) await new Promise((r) => setTimeout(r, 20));
    await stop();
    expect((await rows(tenant.id))[0]!.sent_at).not.toBeNull();
    expect(logged.find((l) => l.msg?.includes(to))?.obj).toEqual({ mail: { to, subject: 'Logged', kind: 'test', text: 'Body text' } });
  });
});
