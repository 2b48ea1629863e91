import { z } from 'zod';

const id = z.uuid({ message: 'must be an id' });

export const feedParams = z.object({ id });
/** `<token>.ics`: the secret URL's last segment. */
export const feedFileParams = z.object({ file: z.string().max(200) });

export const createFeedBody = z.discriminatedUnion(
  'kind',
  [z.strictObject({ kind: z.literal('user') }), z.strictObject({ kind: z.literal('client'), clientId: id })],
  { message: "must be { kind: 'user' } or { kind: 'client', clientId }" },
);

export const feedView = z.object({
  id: z.string(),
  kind: z.enum(['user', 'client']),
  client: z.object({ id: z.string(), name: z.string() }).nullable(),
  createdAt: z.string(),
  lastFetchedAt: z.string().nullable(),
});
export const feedList = z.object({ items: z.array(feedView) });
/** The URL is shown once, when the feed is created: only its hash is kept. */
export const createdFeedView = feedView.extend({ url: z.string() });

export type CreateFeedInput = z.infer<typeof createFeedBody>;
