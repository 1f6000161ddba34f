import {
  FleetHealth,
  HEALTH_ORDER,
  NOT_DEPLOYED,
} from '@internal/plugin-deploy-status-common';
import { z } from 'zod';
import {
  entityRefParam,
  parseRequest,
  repeated,
} from '../request/parseRequest';
import { FleetCursor } from './fleetOrder';

export const MAX_FLEET_LIMIT = 500;
export const DEFAULT_FLEET_LIMIT = 50;

/** The fleet query as the service reads it: refs completed, the cursor decoded. */
export interface ParsedFleetQuery {
  owner: string[];
  system: string[];
  /** As given: an environment's ref or its name. */
  environment: string[];
  health: FleetHealth[];
  limit: number;
  cursor?: FleetCursor;
}

const cursorSchema = z.object({
  rank: z.number().int().min(0),
  name: z.string(),
  ref: z.string(),
});

/** Opaque to callers: where the previous page ended, in the fleet's order. */
export function encodeCursor(cursor: FleetCursor): string {
  return Buffer.from(JSON.stringify(cursor), 'utf8').toString('base64url');
}

const cursorParam = z
  .string()
  .min(1, { message: 'empty' })
  .transform((value, ctx) => {
    try {
      return cursorSchema.parse(
        JSON.parse(Buffer.from(value, 'base64url').toString('utf8')),
      );
    } catch {
      ctx.addIssue({
        code: 'custom',
        message: 'not a cursor of this endpoint (pass nextCursor as given)',
      });
      return z.NEVER;
    }
  });

const fleetQuery = z.strictObject({
  owner: repeated(entityRefParam('group')),
  system: repeated(entityRefParam('system')),
  environment: repeated(z.string().trim().min(1, { message: 'empty' })),
  health: repeated(
    z.enum([...HEALTH_ORDER, NOT_DEPLOYED], {
      message: `one of ${[...HEALTH_ORDER, NOT_DEPLOYED].join(', ')}`,
    }),
  ),
  limit: z.coerce
    .number({ message: 'a whole number' })
    .int({ message: 'a whole number' })
    .min(1, { message: `from 1 to ${MAX_FLEET_LIMIT}` })
    .max(MAX_FLEET_LIMIT, { message: `from 1 to ${MAX_FLEET_LIMIT}` })
    .default(DEFAULT_FLEET_LIMIT),
  cursor: cursorParam.optional(),
});

/** `GET /fleet`'s query; a bad one is an InputError naming the parameter. */
export function parseFleetQuery(query: unknown): ParsedFleetQuery {
  return parseRequest(fleetQuery, query, 'query');
}
