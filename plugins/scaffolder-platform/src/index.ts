/**
 * The portal's scaffolder form fields (new frontend system): `PlatformRepoUrlPicker`.
 *
 * @packageDocumentation
 */

export { scaffolderPlatformModule as default } from './module';
