import { scopeOf, type Actor } from '../../http/actor';
import type { AppContext } from '../../http/context';
import { staleWrite } from '../../http/etag';
import { decodeCursor, toPage } from '../../http/pagination';
import { conflict, forbidden, notFound } from '../../errors';
import { appendAudit } from '../audit/audit.repository';
import { getClientRow } from '../clients/clients.service';
import { uniqueViolation } from '../clients/unique-violation';
import { createInvitation } from '../invitations/invitations.service';
import { can } from './contacts.policy';
import { contactCursor, presentContact } from './contacts.presenter';
import * as repo from './contacts.repository';
import type { CreateContactInput, ListContactsInput, UpdateContactInput } from './contacts.schema';

const cannotWrite = () => forbidden("Only staff who manage clients, and the client's own admins, can change contacts");
const emailTaken = () => conflict('This client already has a contact with this e-mail address', { email: 'is already used by another contact of this client' });

function mapUnique(error: unknown): never {
  if (uniqueViolation(error) === 'contacts_email_unique') throw emailTaken();
  throw error;
}

async function readableClient(ctx: AppContext, actor: Actor, clientId: string) {
  const client = await getClientRow(ctx, actor, clientId);
  if (!can(actor, 'read', client)) throw notFound('Client');
  return client;
}

async function existingContact(ctx: AppContext, actor: Actor, clientId: string, contactId: string) {
  const contact = await repo.findContact(ctx.db, scopeOf(actor), clientId, contactId);
  if (!contact) throw notFound('Contact');
  return contact;
}

export async function listContacts(ctx: AppContext, actor: Actor, clientId: string, input: ListContactsInput) {
  await readableClient(ctx, actor, clientId);
  const rows = await repo.listContacts(ctx.db, scopeOf(actor), clientId, { limit: input.limit, after: decodeCursor(input.cursor) });
  return toPage(rows, input.limit, contactCursor, presentContact);
}

export async function getContact(ctx: AppContext, actor: Actor, clientId: string, contactId: string) {
  await readableClient(ctx, actor, clientId);
  return presentContact(await existingContact(ctx, actor, clientId, contactId));
}

export async function createContact(ctx: AppContext, actor: Actor, clientId: string, input: CreateContactInput) {
  const client = await readableClient(ctx, actor, clientId);
  if (!can(actor, 'write', client)) throw cannotWrite();
  const scope = scopeOf(actor);
  if (await repo.contactEmailTaken(ctx.db, scope, clientId, input.email)) throw emailTaken();
  const contact = await ctx.db
    .transaction()
    .execute(async (trx) => {
      const c = await repo.insertContact(trx, scope, clientId, { name: input.name, email: input.email, phone: input.phone ?? '', roles: input.roles });
      await appendAudit(trx, { tenantId: actor.tenantId, actorUserId: actor.userId, actorLabel: actor.email, action: 'contact.created', targetType: 'contact', targetId: c.id, ip: actor.ip, details: { clientId, email: c.email } });
      return c;
    })
    .catch(mapUnique);
  return presentContact(contact);
}

export async function updateContact(ctx: AppContext, actor: Actor, clientId: string, contactId: string, input: UpdateContactInput, expectedVersion: number | null) {
  const client = await readableClient(ctx, actor, clientId);
  await existingContact(ctx, actor, clientId, contactId);
  if (!can(actor, 'write', client)) throw cannotWrite();
  const scope = scopeOf(actor);
  if (input.email && (await repo.contactEmailTaken(ctx.db, scope, clientId, input.email, contactId))) throw emailTaken();
  const contact = await ctx.db
    .transaction()
    .execute(async (trx) => {
      const c = await repo.updateContact(trx, scope, clientId, contactId, input, expectedVersion);
      if (!c) throw staleWrite();
      await appendAudit(trx, { tenantId: actor.tenantId, actorUserId: actor.userId, actorLabel: actor.email, action: 'contact.updated', targetType: 'contact', targetId: contactId, ip: actor.ip, details: { clientId, changed: Object.keys(input) } });
      return c;
    })
    .catch(mapUnique);
  return presentContact(contact);
}

/** Removes the contact. A user account made from it stays; its pending invitations go with it. */
export async function deleteContact(ctx: AppContext, actor: Actor, clientId: string, contactId: string) {
  const client = await readableClient(ctx, actor, clientId);
  const contact = await existingContact(ctx, actor, clientId, contactId);
  if (!can(actor, 'write', client)) throw cannotWrite();
  await ctx.db.transaction().execute(async (trx) => {
    if (!(await repo.deleteContact(trx, scopeOf(actor), clientId, contactId))) throw notFound('Contact');
    await appendAudit(trx, { tenantId: actor.tenantId, actorUserId: actor.userId, actorLabel: actor.email, action: 'contact.deleted', targetType: 'contact', targetId: contactId, ip: actor.ip, details: { clientId, email: contact.email, userId: contact.user_id } });
  });
}

/** Invites a contact to become a client user (or admin) of its client. */
export async function inviteContact(ctx: AppContext, actor: Actor, clientId: string, contactId: string, role: 'client_admin' | 'client_user') {
  const client = await readableClient(ctx, actor, clientId);
  const contact = await existingContact(ctx, actor, clientId, contactId);
  if (!can(actor, 'invite', client)) throw forbidden("Only staff who manage clients, and the client's own admins, can invite contacts");
  if (contact.user_id) throw conflict('This contact already has an account', { contactId: 'already has an account' });
  return createInvitation(ctx, actor, { email: contact.email, name: contact.name, role, clientId, contactId });
}
