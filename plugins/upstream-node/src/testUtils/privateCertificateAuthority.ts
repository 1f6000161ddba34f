import http from 'node:http';
import https from 'node:https';
import { generateKeyPairSync } from 'node:crypto';
import { AddressInfo } from 'node:net';
import forge from 'node-forge';

function certificate(options: {
  subject: string;
  publicKey: forge.pki.PublicKey;
  signer: forge.pki.rsa.PrivateKey;
  issuer?: forge.pki.Certificate;
  ca: boolean;
}) {
  const cert = forge.pki.createCertificate();
  cert.publicKey = options.publicKey;
  cert.serialNumber = String(Math.floor(Math.random() * 1e9));
  cert.validity.notBefore = new Date(Date.now() - 60_000);
  cert.validity.notAfter = new Date(Date.now() + 24 * 3600_000);
  const subject = [{ name: 'commonName', value: options.subject }];
  cert.setSubject(subject);
  cert.setIssuer(options.issuer?.subject.attributes ?? subject);
  cert.setExtensions(
    options.ca
      ? [
          { name: 'basicConstraints', cA: true },
          { name: 'keyUsage', keyCertSign: true, cRLSign: true },
        ]
      : [
          { name: 'basicConstraints', cA: false },
          { name: 'subjectAltName', altNames: [{ type: 7, ip: '127.0.0.1' }] },
        ],
  );
  cert.sign(options.signer, forge.md.sha256.create());
  return cert;
}

/** An RSA key pair made by Node's native crypto (node-forge's own is slow on a busy machine). */
function rsaKeys() {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const key = forge.pki.privateKeyFromPem(
    privateKey.export({ type: 'pkcs1', format: 'pem' }).toString(),
  ) as forge.pki.rsa.PrivateKey;
  return {
    privateKey: key,
    publicKey: forge.pki.setRsaPublicKey(key.n, key.e),
  };
}

/**
 * A certificate authority made for one test, as a company CA would be, and a server certificate
 * for 127.0.0.1 signed by it: a client that does not know the CA refuses the server.
 */
export function createTestCertificateAuthority() {
  const caKeys = rsaKeys();
  const caCert = certificate({
    subject: 'Test Company CA',
    publicKey: caKeys.publicKey,
    signer: caKeys.privateKey,
    ca: true,
  });
  const serverKeys = rsaKeys();
  const serverCert = certificate({
    subject: '127.0.0.1',
    publicKey: serverKeys.publicKey,
    signer: caKeys.privateKey,
    issuer: caCert,
    ca: false,
  });
  return {
    caPem: forge.pki.certificateToPem(caCert),
    serverCertPem: forge.pki.certificateToPem(serverCert),
    serverKeyPem: forge.pki.privateKeyToPem(serverKeys.privateKey),
  };
}

/** A loopback HTTPS server with a certificate of {@link createTestCertificateAuthority}. */
export async function startPrivateCaServer(
  handler: http.RequestListener,
): Promise<{ url: string; caPem: string; close(): Promise<void> }> {
  const ca = createTestCertificateAuthority();
  const server = https.createServer(
    { cert: ca.serverCertPem, key: ca.serverKeyPem },
    handler,
  );
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `https://127.0.0.1:${port}`,
    caPem: ca.caPem,
    close: () =>
      new Promise(resolve => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
