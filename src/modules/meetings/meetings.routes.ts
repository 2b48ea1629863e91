import { requireActor } from '../../http/actor';
import { expectedVersion, setEtag } from '../../http/etag';
import type { App } from '../../http/types';
import {
  actionItemBody,
  actionItemParams,
  actionItemPatchBody,
  actionItemView,
  cadenceBody,
  cadenceView,
  contractParams,
  invitationsView,
  listQuery,
  meetingParams,
  meetingPatchBody,
  meetingView,
  occurrenceList,
  participantsBody,
  participantsView,
  previewBody,
  previewView,
} from './meetings.schema';
import * as service from './meetings.service';

const tags = ['meetings'];

export async function meetingsRoutes(app: App) {
  const ctx = app.ctx;

  app.get(
    '/contracts/:id/meetings/cadence',
    { schema: { tags, summary: "The contract's review cadence in force (null when none) with its next five meetings, and the client's main site zone as a suggestion", params: contractParams, response: { 200: cadenceView } } },
    async (request) => service.getCadence(ctx, requireActor(request.actor), request.params.id),
  );

  app.put(
    '/contracts/:id/meetings/cadence',
    {
      schema: {
        tags,
        summary: 'Set the cadence (RRULE subset, first meeting as local date-time in timeZone). Applies from now on: earlier meetings keep the cadence they had; 400 naming rrule, firstStart or timeZone',
        params: contractParams,
        body: cadenceBody,
        response: { 200: cadenceView },
      },
    },
    async (request) => service.setCadence(ctx, requireActor(request.actor), request.params.id, request.body),
  );

  app.post(
    '/contracts/:id/meetings/cadence/preview',
    { schema: { tags, summary: 'The first dates a cadence would give (default five), without saving; 400 naming the field that cannot work', params: contractParams, body: previewBody, response: { 200: previewView } } },
    async (request) => service.previewCadence(ctx, requireActor(request.actor), request.params.id, request.body),
  );

  app.get(
    '/contracts/:id/meetings/participants',
    { schema: { tags, summary: 'Who attends the reviews: staff users and client contacts', params: contractParams, response: { 200: participantsView } } },
    async (request) => service.getParticipants(ctx, requireActor(request.actor), request.params.id),
  );

  app.get(
    '/contracts/:id/meetings/participant-options',
    { schema: { tags, summary: 'Who may take part: active staff of the organisation and contacts of the client', params: contractParams, response: { 200: participantsView } } },
    async (request) => service.getParticipantOptions(ctx, requireActor(request.actor), request.params.id),
  );

  app.put(
    '/contracts/:id/meetings/participants',
    { schema: { tags, summary: 'Replace the participants: active staff of the organisation and contacts of the client', params: contractParams, body: participantsBody, response: { 200: participantsView } } },
    async (request) => service.setParticipants(ctx, requireActor(request.actor), request.params.id, request.body),
  );

  app.post(
    '/contracts/:id/meetings/invitations',
    { schema: { tags, summary: 'E-mail the series invitation (invite.ics, METHOD:REQUEST) to every participant with an address; 409 without cadence or participants', params: contractParams, response: { 201: invitationsView } } },
    async (request, reply) => reply.status(201).send(await service.sendInvitations(ctx, requireActor(request.actor), request.params.id)),
  );

  app.get(
    '/contracts/:id/meetings',
    { schema: { tags, summary: 'Meetings starting in [from, to) (default: from a month ago, 400 days), as the cadences give them with moves and cancellations', params: contractParams, querystring: listQuery, response: { 200: occurrenceList } } },
    async (request) => service.listMeetings(ctx, requireActor(request.actor), request.params.id, request.query),
  );

  app.get(
    '/contracts/:id/meetings/:start',
    { schema: { tags, summary: 'One meeting by the start its cadence gives it, with agenda (built when staff first open it), minutes and action items; ETag for changes', params: meetingParams, response: { 200: meetingView } } },
    async (request, reply) => {
      const view = await service.getMeeting(ctx, requireActor(request.actor), request.params.id, request.params.start);
      setEtag(reply, view.version);
      return view;
    },
  );

  app.patch(
    '/contracts/:id/meetings/:start',
    { schema: { tags, summary: 'Move, cancel, reinstate or mark held one meeting, or write its minutes (If-Match); a move or cancellation bumps SEQUENCE and e-mails participants', params: meetingParams, body: meetingPatchBody, response: { 200: meetingView } } },
    async (request, reply) => {
      const view = await service.patchMeeting(ctx, requireActor(request.actor), request.params.id, request.params.start, request.body, expectedVersion(request));
      setEtag(reply, view.version);
      return view;
    },
  );

  app.post(
    '/contracts/:id/meetings/:start/agenda/refresh',
    { schema: { tags, summary: 'Rebuild the agenda from the data now', params: meetingParams, response: { 200: meetingView } } },
    async (request, reply) => {
      const view = await service.refreshAgenda(ctx, requireActor(request.actor), request.params.id, request.params.start);
      setEtag(reply, view.version);
      return view;
    },
  );

  app.post(
    '/contracts/:id/meetings/:start/action-items',
    { schema: { tags, summary: 'Add an action item with an owner (staff user or client contact) and a due date', params: meetingParams, body: actionItemBody, response: { 201: actionItemView } } },
    async (request, reply) => reply.status(201).send(await service.addActionItem(ctx, requireActor(request.actor), request.params.id, request.params.start, request.body)),
  );

  app.patch(
    '/contracts/:id/meetings/:start/action-items/:itemId',
    { schema: { tags, summary: 'Change an action item, or mark it done', params: actionItemParams, body: actionItemPatchBody, response: { 200: actionItemView } } },
    async (request) => service.patchActionItem(ctx, requireActor(request.actor), request.params.id, request.params.start, request.params.itemId, request.body),
  );

  app.post(
    '/contracts/:id/meetings/:start/action-items/:itemId/ticket',
    { schema: { tags, summary: "Open a ticket of the client from the action item and link it; 409 when it has one", params: actionItemParams, response: { 201: actionItemView } } },
    async (request, reply) => reply.status(201).send(await service.actionItemTicket(ctx, requireActor(request.actor), request.params.id, request.params.start, request.params.itemId)),
  );
}
