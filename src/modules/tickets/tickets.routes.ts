import { z } from 'zod';
import { requireActor } from '../../http/actor';
import { expectedVersion, setEtag } from '../../http/etag';
import type { App } from '../../http/types';
import {
  attachmentBody,
  attachmentList,
  attachmentParams,
  attachmentView,
  callBody,
  commentBody,
  commentList,
  commentView,
  bulkCreatedView,
  createTicketBody,
  createTicketsBulkBody,
  listTicketsQuery,
  ticketPage,
  ticketParams,
  ticketSettingsBody,
  ticketSettingsView,
  ticketView,
  timeEntryBody,
  timeEntryList,
  timeEntryParams,
  timeEntryView,
  timerView,
  updateTicketBody,
  watcherBody,
  watcherList,
  watcherParams,
  BULK_MAX_TICKETS,
} from './tickets.schema';
import * as service from './tickets.service';

// Base64 of the largest attachment, plus the JSON around it.
const ATTACHMENT_BODY_LIMIT = Math.ceil((service.ATTACHMENT_MAX_BYTES * 4) / 3) + 64 * 1024;
const tags = ['tickets'];

export async function ticketsRoutes(app: App) {
  const ctx = app.ctx;

  app.get('/tickets', { schema: { tags, summary: 'Tickets and the dispatcher board (sort=due: open tickets by next due instant); client users see only theirs', querystring: listTicketsQuery, response: { 200: ticketPage } } }, async (request) =>
    service.listTickets(ctx, requireActor(request.actor), request.query),
  );

  app.post('/tickets', { schema: { tags, summary: 'Open a ticket; targets come from the terms in force now (no contract: noContract, no clocks)', body: createTicketBody, response: { 201: ticketView } } }, async (request, reply) => {
    const t = await service.createTicket(ctx, requireActor(request.actor), request.body);
    setEtag(reply, t.version);
    return reply.status(201).send(t);
  });

  app.post(
    '/tickets/bulk',
    {
      // 100 tickets with long descriptions; larger requests get 413.
      bodyLimit: 4 * 1024 * 1024,
      schema: {
        tags,
        summary: `Open up to ${BULK_MAX_TICKETS} tickets in one request (monitoring and RMM integrations); all or nothing: an invalid ticket is named (tickets[3].clientId) and none is created`,
        body: createTicketsBulkBody,
        response: { 201: bulkCreatedView },
      },
    },
    async (request, reply) => reply.status(201).send(await service.createTicketsBulk(ctx, requireActor(request.actor), request.body.tickets)),
  );

  app.get('/tickets/:id', { schema: { tags, summary: 'One ticket with its clocks and their events', params: ticketParams, response: { 200: ticketView } } }, async (request, reply) => {
    const t = await service.getTicket(ctx, requireActor(request.actor), request.params.id);
    setEtag(reply, t.version);
    return t;
  });

  app.patch(
    '/tickets/:id',
    {
      schema: {
        tags,
        summary: 'Change a ticket (If-Match honoured): priority, catalog item or delivery mode re-target retroactively; a hand-set priority needs priorityReason; resolved completes, reopening pauses the gap',
        params: ticketParams,
        body: updateTicketBody,
        response: { 200: ticketView },
      },
    },
    async (request, reply) => {
      const t = await service.updateTicket(ctx, requireActor(request.actor), request.params.id, request.body, expectedVersion(request));
      setEtag(reply, t.version);
      return t;
    },
  );

  app.get('/tickets/:id/comments', { schema: { tags, summary: 'Comments and calls, oldest first; client users see public ones only', params: ticketParams, response: { 200: commentList } } }, async (request) =>
    service.listComments(ctx, requireActor(request.actor), request.params.id),
  );

  app.post(
    '/tickets/:id/comments',
    { schema: { tags, summary: "Comment; staff's first public comment is the first response; client comments are always public; on a closed ticket it reopens or is refused (tenant setting)", params: ticketParams, body: commentBody, response: { 201: commentView } } },
    async (request, reply) => reply.status(201).send(await service.addComment(ctx, requireActor(request.actor), request.params.id, request.body)),
  );

  app.post('/tickets/:id/calls', { schema: { tags, summary: 'Log a call with the client (counts as first response; the note is internal)', params: ticketParams, body: callBody, response: { 201: commentView } } }, async (request, reply) =>
    reply.status(201).send(await service.addCall(ctx, requireActor(request.actor), request.params.id, request.body.note)),
  );

  app.get('/tickets/:id/attachments', { schema: { tags, summary: "The ticket's files (without their bytes); client users see public ones only", params: ticketParams, response: { 200: attachmentList } } }, async (request) =>
    service.listAttachments(ctx, requireActor(request.actor), request.params.id),
  );

  app.post(
    '/tickets/:id/attachments',
    {
      bodyLimit: ATTACHMENT_BODY_LIMIT,
      schema: { tags, summary: 'Attach one file as JSON { filename, contentType, dataBase64 }: at most 10 MB, allowed types only', params: ticketParams, body: attachmentBody, response: { 201: attachmentView } },
    },
    async (request, reply) => reply.status(201).send(await service.addAttachment(ctx, requireActor(request.actor), request.params.id, request.body)),
  );

  app.get(
    '/tickets/:id/attachments/:attachmentId',
    { schema: { tags, summary: 'Download a file (content-disposition: attachment, its stored type)', params: attachmentParams, response: { 200: z.any() } } },
    async (request, reply) => {
      const a = await service.getAttachment(ctx, requireActor(request.actor), request.params.id, request.params.attachmentId);
      reply.header('content-type', a.content_type);
      reply.header('content-disposition', `attachment; filename="${a.filename.replace(/[^\x20-\x7e]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(a.filename)}`);
      reply.header('x-content-type-options', 'nosniff');
      return reply.serializer((p: unknown) => p as string).send(a.data);
    },
  );

  app.post('/tickets/:id/watchers', { schema: { tags, summary: 'Add a watcher (staff; a client admin adds users of their client)', params: ticketParams, body: watcherBody, response: { 200: watcherList } } }, async (request) =>
    service.addWatcher(ctx, requireActor(request.actor), request.params.id, request.body.userId),
  );

  app.delete('/tickets/:id/watchers/:userId', { schema: { tags, summary: 'Remove a watcher (anyone may stop watching)', params: watcherParams } }, async (request, reply) => {
    await service.removeWatcher(ctx, requireActor(request.actor), request.params.id, request.params.userId);
    return reply.status(204).send();
  });

  app.get('/tickets/:id/time-entries', { schema: { tags, summary: 'Time logged on the ticket (staff)', params: ticketParams, response: { 200: timeEntryList } } }, async (request) =>
    service.listTimeEntries(ctx, requireActor(request.actor), request.params.id),
  );

  app.post(
    '/tickets/:id/time-entries',
    { schema: { tags, summary: "Log time (staff): split into in-coverage and after-hours minutes on the coverage calendar of the ticket's priority", params: ticketParams, body: timeEntryBody, response: { 201: timeEntryView } } },
    async (request, reply) => reply.status(201).send(await service.addTimeEntry(ctx, requireActor(request.actor), request.params.id, request.body)),
  );

  app.delete('/tickets/:id/time-entries/:entryId', { schema: { tags, summary: 'Delete a time entry (your own; dispatchers, owners and admins any)', params: timeEntryParams } }, async (request, reply) => {
    await service.deleteTimeEntry(ctx, requireActor(request.actor), request.params.id, request.params.entryId);
    return reply.status(204).send();
  });

  app.post('/tickets/:id/timer/start', { schema: { tags, summary: 'Start your timer on the ticket (one per person: a timer running elsewhere stops and is logged)', params: ticketParams, response: { 200: timerView } } }, async (request) =>
    service.startTimer(ctx, requireActor(request.actor), request.params.id),
  );

  app.post('/tickets/:id/timer/stop', { schema: { tags, summary: 'Stop your timer; it becomes a time entry', params: ticketParams, response: { 200: timeEntryView } } }, async (request) =>
    service.stopTimer(ctx, requireActor(request.actor), request.params.id),
  );

  app.get('/tenant/ticket-settings', { schema: { tags, summary: 'Pausing statuses, comments on closed tickets, unknown senders, support address, escalation contact', response: { 200: ticketSettingsView } } }, async (request) =>
    service.getTicketSettings(ctx, requireActor(request.actor)),
  );

  app.patch('/tenant/ticket-settings', { schema: { tags, summary: 'Change the ticket settings (owner, admin)', body: ticketSettingsBody, response: { 200: ticketSettingsView } } }, async (request) =>
    service.updateTicketSettings(ctx, requireActor(request.actor), request.body),
  );
}
