import { requireActor } from '../../http/actor';
import type { App } from '../../http/types';
import { listNotificationsQuery, notificationPage, notificationParams, notificationView, readAllView, unreadCountView } from './notifications.schema';
import * as service from './notifications.service';

/** The bell: the signed-in user's own notifications (clock warnings and breaches). */
export async function notificationsRoutes(app: App) {
  const ctx = app.ctx;
  const tags = ['notifications'];

  app.get(
    '/notifications',
    { schema: { tags, summary: "The caller's notifications, newest first (unread=true: unread only)", querystring: listNotificationsQuery, response: { 200: notificationPage } } },
    async (request) => service.listNotifications(ctx, requireActor(request.actor), request.query),
  );

  app.get(
    '/notifications/unread-count',
    { schema: { tags, summary: "How many of the caller's notifications are unread", response: { 200: unreadCountView } } },
    async (request) => service.unreadCount(ctx, requireActor(request.actor)),
  );

  app.post(
    '/notifications/:id/read',
    { schema: { tags, summary: 'Mark one of the caller\'s notifications read (others\' answer 404)', params: notificationParams, response: { 200: notificationView } } },
    async (request) => service.markRead(ctx, requireActor(request.actor), request.params.id),
  );

  app.post(
    '/notifications/read-all',
    { schema: { tags, summary: "Mark all of the caller's notifications read", response: { 200: readAllView } } },
    async (request) => service.markAllRead(ctx, requireActor(request.actor)),
  );
}
