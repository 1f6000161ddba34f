import { parsePointer, parseYamlFile } from './yamlSource';

const manifest = `# leading comment
apiVersion: apps/v1
kind: Deployment
metadata:
  name: orders-api
spec:
  template:
    spec:
      containers:
        - name: app
          image: registry.example.com/orders-api
        - name: sidecar
          imagePullPolice: Always
---
apiVersion: v1
kind: Service
spec:
  ports:
    - port: 80
`;

describe('parseYamlFile', () => {
  const [deployment, service] = parseYamlFile('deploy.yaml', manifest, {
    version: '1.1',
  }).documents;

  it('maps a JSON pointer to the line of its value', () => {
    expect(deployment.lineOf('/spec/template/spec/containers/1/name')).toBe(12);
    expect(deployment.lineOf('/metadata/name')).toBe(5);
    expect(deployment.lineOf('/spec/template/spec/containers/0')).toBe(10);
  });

  it('points at an unknown field’s own key', () => {
    expect(
      deployment.lineOf('/spec/template/spec/containers/1', 'imagePullPolice'),
    ).toBe(13);
  });

  it('falls back to the deepest node that exists', () => {
    expect(deployment.lineOf('/spec/replicas')).toBe(6);
    expect(deployment.lineOf('')).toBe(2);
  });

  it('counts lines from the start of the file in later documents', () => {
    expect(service.index).toBe(1);
    expect(service.firstLine).toBe(15);
    expect(service.lineOf('/spec/ports/0/port')).toBe(19);
  });

  it('reports syntax errors with their line and no documents', () => {
    const parsed = parseYamlFile('bad.yaml', 'a: 1\nb:\n  - x\n  y: 2\n', {
      version: '1.2',
    });
    expect(parsed.documents).toEqual([]);
    expect(parsed.problems[0]).toMatchObject({ file: 'bad.yaml', line: 4 });
    expect(parsed.problems[0].message).toMatch(/^YAML syntax error: /);
  });

  it('reads yes as a boolean in YAML 1.1 and as a string in 1.2', () => {
    const text = 'enabled: yes\n';
    expect(
      parseYamlFile('a.yaml', text, { version: '1.1' }).documents[0].toJS(),
    ).toEqual({ enabled: true });
    expect(
      parseYamlFile('a.yaml', text, { version: '1.2' }).documents[0].toJS(),
    ).toEqual({ enabled: 'yes' });
  });
});

describe('parsePointer', () => {
  it('unescapes RFC 6901 segments', () => {
    expect(parsePointer('/metadata/labels/app.kubernetes.io~1name')).toEqual([
      'metadata',
      'labels',
      'app.kubernetes.io/name',
    ]);
    expect(parsePointer('')).toEqual([]);
  });
});
