import path from 'node:path';
import { createMockDirectory } from '@backstage/backend-test-utils';
import { CatalogProcessorResult } from '@backstage/plugin-catalog-node';
import { FilePerLocationProcessor } from './FilePerLocationProcessor';

describe('FilePerLocationProcessor', () => {
  const dir = createMockDirectory({
    content: {
      'catalog/b.yaml': 'kind: Component',
      'catalog/a.yaml': 'kind: System',
      'catalog/nested/c.yaml': 'kind: API',
      'catalog/readme.md': '# not catalog',
    },
  });
  const processor = new FilePerLocationProcessor();

  async function read(target: string, optional = false, type = 'file') {
    const emitted: CatalogProcessorResult[] = [];
    const handled = await processor.readLocation(
      { type, target },
      optional,
      result => emitted.push(result),
    );
    return { handled, emitted };
  }

  it('emits one Location per matched file, in a stable order', async () => {
    const { handled, emitted } = await read(dir.resolve('catalog/**/*.yaml'));
    expect(handled).toBe(true);
    expect(emitted).toEqual(
      ['catalog/a.yaml', 'catalog/b.yaml', 'catalog/nested/c.yaml'].map(f => ({
        type: 'location',
        location: {
          type: 'file',
          target: path.normalize(dir.resolve(f)),
          presence: 'required',
        },
      })),
    );
  });

  it('leaves concrete paths and other location types to the stock readers', async () => {
    expect((await read(dir.resolve('catalog/a.yaml'))).handled).toBe(false);
    expect(
      (await read('https://gitlab.example.com/*.yaml', false, 'url')).handled,
    ).toBe(false);
  });

  it('reports a required glob that matches nothing', async () => {
    const { handled, emitted } = await read(dir.resolve('missing/*.yaml'));
    expect(handled).toBe(true);
    expect(emitted).toEqual([
      expect.objectContaining({
        type: 'error',
        error: expect.objectContaining({
          name: 'NotFoundError',
          message: expect.stringContaining('No file matches'),
        }),
      }),
    ]);
  });

  it('stays quiet about an optional glob that matches nothing', async () => {
    const { emitted } = await read(dir.resolve('missing/*.yaml'), true);
    expect(emitted).toEqual([]);
  });
});
