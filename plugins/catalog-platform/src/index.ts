/**
 * Entity page cards for the portal's Pipeline and Environment kinds.
 *
 * @packageDocumentation
 */
export { catalogPlatformPlugin as default } from './plugin';
