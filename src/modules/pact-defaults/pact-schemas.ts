import { z } from 'zod';

/**
 * The shapes of the pact's JSON documents for HTTP bodies and OpenAPI. They check structure
 * only; the rules (targets > 0, thresholds ascending, cells naming real priorities) live in
 * src/domain/pact so the answer names the field with the domain's words.
 */
export const targetSchema = z.discriminatedUnion('unit', [
  z.strictObject({ unit: z.literal('minutes'), minutes: z.number() }),
  z.strictObject({ unit: z.literal('business_days'), days: z.number(), plusMinutes: z.number().optional() }),
]);

export const targetPairSchema = z.strictObject({ response: targetSchema, resolution: targetSchema });
export const partialPairSchema = z.strictObject({ response: targetSchema.optional(), resolution: targetSchema.optional() });
export const turnaroundSchema = z.strictObject({ remote: partialPairSchema.optional(), onsite: partialPairSchema.optional() });

export const priorityTermsSchema = z.strictObject({ calendarId: z.string().max(100), remote: targetPairSchema, onsite: targetPairSchema });

export const priceBasis = z.enum(['flat', 'per_user', 'per_device']);
export const priceSchema = z.strictObject({ amountMinor: z.number(), currency: z.string().max(3, 'must be an ISO 4217 code such as EUR'), basis: priceBasis });

export const planDocumentSchema = z.strictObject({
  targets: z.record(z.string().max(32), priorityTermsSchema),
  pausesStopResponse: z.boolean(),
  warningThresholds: z.array(z.number()).max(10),
  price: priceSchema,
  afterHoursMultiplierPercent: z.number(),
  hourlyRateMinor: z.number().optional(),
  servicesIncluded: z.array(z.string().max(200)).max(50),
});

export const riderEffectSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('replace'), targets: z.record(z.string().max(32), turnaroundSchema) }),
  z.strictObject({ kind: z.literal('scale'), factorPercent: z.number(), floorMinutes: z.number() }),
]);

const level = z.strictObject({ key: z.string().max(32), name: z.string().max(100) });
export const matrixDocumentSchema = z.strictObject({
  urgencies: z.array(level).max(20),
  impacts: z.array(level).max(20),
  priorities: z.array(z.strictObject({ key: z.string().max(32), name: z.string().max(100), colour: z.string().max(20) })).max(20),
  cells: z.record(z.string().max(32), z.record(z.string().max(32), z.string().max(32))),
});

export const idParams = z.object({ id: z.uuid({ message: 'must be an id' }) });
export const configStatus = z.enum(['active', 'retired']);
