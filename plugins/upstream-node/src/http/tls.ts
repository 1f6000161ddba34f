import { readFileSync } from 'node:fs';
import { Agent } from 'undici';

/** How the portal checks an upstream's TLS certificate, and proves itself with one. */
export interface UpstreamTls {
  /** PEM certificate(s) of the CA that signed the upstream's certificate (the company CA). */
  ca?: string;
  /** Accept any certificate: a development cluster with a self-signed one. */
  skipTLSVerify?: boolean;
  /** A client certificate and key (PEM), for clusters that authenticate the portal by x509. */
  clientCertificate?: { cert: string; key: string };
}

/** A CA given as Kubernetes does: `caData` base64-encoded PEM, or `caFile` a path. */
export function caOf(options: {
  caData?: string;
  caFile?: string;
}): string | undefined {
  if (options.caData) {
    return Buffer.from(options.caData, 'base64').toString('utf8');
  }
  if (options.caFile) {
    return readFileSync(options.caFile, 'utf8');
  }
  return undefined;
}

const agents = new Map<string, Agent>();

/**
 * One connection pool per TLS setting; `undefined` (the default pool, the system CAs) when there
 * is nothing to set.
 */
export function dispatcherOf(tls: UpstreamTls | undefined): Agent | undefined {
  if (!tls || (!tls.ca && !tls.skipTLSVerify && !tls.clientCertificate)) {
    return undefined;
  }
  const key = JSON.stringify([
    tls.ca,
    tls.skipTLSVerify,
    tls.clientCertificate?.cert,
    tls.clientCertificate?.key,
  ]);
  let agent = agents.get(key);
  if (!agent) {
    agent = new Agent({
      connect: {
        ca: tls.ca,
        rejectUnauthorized: !tls.skipTLSVerify,
        cert: tls.clientCertificate?.cert,
        key: tls.clientCertificate?.key,
      },
    });
    agents.set(key, agent);
  }
  return agent;
}
