import { z } from 'zod';
import { pageOf, pageQuery } from '../../http/pagination';
import { isIanaTimeZone } from './time-zone';

const name = z.string().trim().min(1, 'is required').max(200, 'must be at most 200 characters');
const address = z.string().trim().max(1000, 'must be at most 1000 characters');
const timeZone = z.string().trim().refine(isIanaTimeZone, 'must be an IANA time zone such as Europe/Berlin');
const travelMinutes = z.number().int('must be a whole number of minutes').min(0, 'must be between 0 and 1440').max(1440, 'must be between 0 and 1440');

export const createSiteBody = z.strictObject({ name, address: address.optional(), timeZone, travelMinutes: travelMinutes.optional(), isMain: z.boolean().optional() });
export const updateSiteBody = z.strictObject({ name: name.optional(), address: address.optional(), timeZone: timeZone.optional(), travelMinutes: travelMinutes.optional(), isMain: z.boolean().optional() });

export const listSitesQuery = z.strictObject({ ...pageQuery });
export const siteListParams = z.object({ clientId: z.uuid({ message: 'must be an id' }) });
export const siteParams = z.object({ clientId: z.uuid({ message: 'must be an id' }), siteId: z.uuid({ message: 'must be an id' }) });

export const siteView = z.object({
  id: z.string(),
  clientId: z.string(),
  name: z.string(),
  address: z.string(),
  timeZone: z.string(),
  travelMinutes: z.number(),
  isMain: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number(),
});
export const sitePage = pageOf(siteView);

export type CreateSiteInput = z.infer<typeof createSiteBody>;
export type UpdateSiteInput = z.infer<typeof updateSiteBody>;
export type ListSitesInput = z.infer<typeof listSitesQuery>;
