/** Test helpers of the upstream layer: a private CA and a loopback HTTPS server signed by it. */
export * from './privateCertificateAuthority';
