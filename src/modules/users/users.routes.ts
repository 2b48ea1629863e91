import { requireActor } from '../../http/actor';
import { expectedVersion, setEtag } from '../../http/etag';
import type { App } from '../../http/types';
import { presentAdminUser } from './users.presenter';
import { adminUserView, invitedView, inviteUserBody, listUsersQuery, patchUserBody, signedOutView, userIdParams, userPage } from './users.schema';
import * as users from './users.service';

export async function usersRoutes(app: App) {
  const ctx = app.ctx;

  app.get(
    '/users',
    { schema: { tags: ['users'], summary: 'Users: staff and client users (client admins see their own client only)', querystring: listUsersQuery, response: { 200: userPage } } },
    async (request) => users.listUsers(ctx, requireActor(request.actor), request.query),
  );

  app.post(
    '/users',
    { schema: { tags: ['users'], summary: 'Invite a user: an e-mail with a set-password link', body: inviteUserBody, response: { 201: invitedView } } },
    async (request, reply) => reply.status(201).send(await users.inviteUser(ctx, requireActor(request.actor), request.body)),
  );

  app.get('/users/:id', { schema: { tags: ['users'], summary: 'One user', params: userIdParams, response: { 200: adminUserView } } }, async (request, reply) => {
    const user = await users.getUser(ctx, requireActor(request.actor), request.params.id);
    setEtag(reply, user.version);
    return presentAdminUser(user);
  });

  app.patch(
    '/users/:id',
    { schema: { tags: ['users'], summary: 'Change a user’s name, role or status (honours If-Match)', params: userIdParams, body: patchUserBody, response: { 200: adminUserView } } },
    async (request, reply) => {
      const user = await users.updateUser(ctx, requireActor(request.actor), request.params.id, { ...request.body, expectedVersion: expectedVersion(request) });
      setEtag(reply, user.version);
      return presentAdminUser(user);
    },
  );

  app.post(
    '/users/:id/sign-out-everywhere',
    { schema: { tags: ['users'], summary: 'End every session of a user', params: userIdParams, response: { 200: signedOutView } } },
    async (request) => ({ revokedSessions: await users.signOutUserEverywhere(ctx, requireActor(request.actor), request.params.id) }),
  );

  app.post(
    '/users/:id/mfa/reset',
    { schema: { tags: ['users'], summary: 'Remove a user’s second factor and recovery codes, and end their sessions', params: userIdParams, response: { 200: adminUserView } } },
    async (request, reply) => {
      const user = await users.resetUserMfa(ctx, requireActor(request.actor), request.params.id);
      setEtag(reply, user.version);
      return presentAdminUser(user);
    },
  );
}
