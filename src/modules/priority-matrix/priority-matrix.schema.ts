import { z } from 'zod';
import { matrixDocumentSchema } from '../pact-defaults/pact-schemas';

export const putMatrixBody = matrixDocumentSchema;
export const lookupBody = z.strictObject({ urgency: z.string().max(32), impact: z.string().max(32) });
export const matrixView = matrixDocumentSchema.extend({ updatedAt: z.string(), version: z.number() });
export const lookupView = z.object({ priority: z.string(), name: z.string(), colour: z.string() });
