import { z } from 'zod';
import { requireActor } from '../../http/actor';
import { expectedVersion, setEtag } from '../../http/etag';
import type { App } from '../../http/types';
import {
  contactListParams,
  contactPage,
  contactParams,
  contactView,
  createContactBody,
  inviteContactBody,
  inviteResult,
  listContactsQuery,
  updateContactBody,
} from './contacts.schema';
import * as service from './contacts.service';

export async function contactsRoutes(app: App) {
  const ctx = app.ctx;

  app.get(
    '/clients/:clientId/contacts',
    { schema: { tags: ['contacts'], summary: "A client's contacts, by name", params: contactListParams, querystring: listContactsQuery, response: { 200: contactPage } } },
    async (request) => service.listContacts(ctx, requireActor(request.actor), request.params.clientId, request.query),
  );

  app.post(
    '/clients/:clientId/contacts',
    {
      schema: {
        tags: ['contacts'],
        summary: 'Add a contact (staff writers; client admins for their own client). roles: primary, billing, technical, approver',
        params: contactListParams,
        body: createContactBody,
        response: { 201: contactView },
      },
    },
    async (request, reply) => {
      const contact = await service.createContact(ctx, requireActor(request.actor), request.params.clientId, request.body);
      setEtag(reply, contact.version);
      return reply.status(201).send(contact);
    },
  );

  app.get(
    '/clients/:clientId/contacts/:contactId',
    { schema: { tags: ['contacts'], summary: 'One contact; userId is set once the contact has a user account', params: contactParams, response: { 200: contactView } } },
    async (request, reply) => {
      const contact = await service.getContact(ctx, requireActor(request.actor), request.params.clientId, request.params.contactId);
      setEtag(reply, contact.version);
      return contact;
    },
  );

  app.patch(
    '/clients/:clientId/contacts/:contactId',
    {
      schema: { tags: ['contacts'], summary: 'Change a contact. Honours If-Match (412 when stale)', params: contactParams, body: updateContactBody, response: { 200: contactView } },
    },
    async (request, reply) => {
      const contact = await service.updateContact(ctx, requireActor(request.actor), request.params.clientId, request.params.contactId, request.body, expectedVersion(request));
      setEtag(reply, contact.version);
      return contact;
    },
  );

  app.delete(
    '/clients/:clientId/contacts/:contactId',
    {
      schema: {
        tags: ['contacts'],
        summary: 'Remove a contact. A user account made from the contact is kept and can still sign in; pending invitations are withdrawn',
        params: contactParams,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await service.deleteContact(ctx, requireActor(request.actor), request.params.clientId, request.params.contactId);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/clients/:clientId/contacts/:contactId/invite',
    {
      schema: {
        tags: ['contacts'],
        summary: 'E-mail the contact a link to create a client_user or client_admin account (valid 7 days); 409 when the address already has an account',
        params: contactParams,
        body: inviteContactBody,
        response: { 201: inviteResult },
      },
    },
    async (request, reply) => {
      const result = await service.inviteContact(ctx, requireActor(request.actor), request.params.clientId, request.params.contactId, request.body.role);
      return reply.status(201).send(result);
    },
  );
}
