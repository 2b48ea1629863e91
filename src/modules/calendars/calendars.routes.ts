import { z } from 'zod';
import { requireActor } from '../../http/actor';
import { expectedVersion, setEtag } from '../../http/etag';
import type { App } from '../../http/types';
import { idParams } from '../pact-defaults/pact-schemas';
import { calendarBody, calendarPage, calendarView, holidaySetsQuery, holidaySetsView, listCalendarsQuery, previewQuery, previewView } from './calendars.schema';
import * as service from './calendars.service';

export async function calendarsRoutes(app: App) {
  const ctx = app.ctx;
  const tags = ['pact'];

  app.get('/calendars', { schema: { tags, summary: 'List business calendars (staff)', querystring: listCalendarsQuery, response: { 200: calendarPage } } }, async (request) =>
    service.listCalendars(ctx, requireActor(request.actor), request.query),
  );

  app.post(
    '/calendars',
    { schema: { tags, summary: 'Add a calendar (owner, admin); problems name the field, e.g. definition.week.mon[1]', body: calendarBody, response: { 201: calendarView } } },
    async (request, reply) => {
      const c = await service.createCalendar(ctx, requireActor(request.actor), request.body);
      setEtag(reply, c.version);
      return reply.status(201).send(c);
    },
  );

  app.get('/calendars/:id', { schema: { tags, summary: 'One calendar', params: idParams, response: { 200: calendarView } } }, async (request, reply) => {
    const c = await service.getCalendar(ctx, requireActor(request.actor), request.params.id);
    setEtag(reply, c.version);
    return c;
  });

  app.put(
    '/calendars/:id',
    { schema: { tags, summary: 'Replace a calendar (owner, admin); If-Match guards the write', params: idParams, body: calendarBody, response: { 200: calendarView } } },
    async (request, reply) => {
      const c = await service.updateCalendar(ctx, requireActor(request.actor), request.params.id, request.body, expectedVersion(request));
      setEtag(reply, c.version);
      return c;
    },
  );

  app.delete('/calendars/:id', { schema: { tags, summary: 'Delete a calendar no plan or contract uses (owner, admin); otherwise 409', params: idParams, response: { 204: z.null() } } }, async (request, reply) => {
    await service.deleteCalendar(ctx, requireActor(request.actor), request.params.id);
    return reply.status(204).send(null);
  });

  app.get(
    '/calendars/:id/preview',
    {
      schema: {
        tags,
        summary: 'When a ticket opened at start (default now) with a target of N business minutes or days is due',
        params: idParams,
        querystring: previewQuery,
        response: { 200: previewView },
      },
    },
    async (request) => service.preview(ctx, requireActor(request.actor), request.params.id, request.query),
  );

  app.get(
    '/holiday-sets',
    { schema: { tags, summary: 'Countries, or with ?country= one country and its states and regions, as holidaySets codes (staff)', querystring: holidaySetsQuery, response: { 200: holidaySetsView } } },
    async (request) => service.holidaySets(requireActor(request.actor), request.query.country),
  );
}
