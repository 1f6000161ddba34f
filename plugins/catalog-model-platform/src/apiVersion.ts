/** apiVersion of the portal's own kinds. */
export const PLATFORM_API_VERSION = 'platformportal.io/v1alpha1';
