import path from 'node:path';
import { renderKustomization } from './renderKustomization';
import { deployDir } from './repoPaths';

describe('renderKustomization', () => {
  it('says to install kubectl when it is not there', () => {
    expect(() =>
      renderKustomization(path.join(deployDir, 'base'), {
        kubectl: 'kubectl-not-installed',
      }),
    ).toThrow(/kubectl is not installed .*install kubectl/);
  });

  it('names the folder and kustomize’s reason when rendering fails', () => {
    const missing = path.join(deployDir, 'overlays', 'no-such-overlay');
    expect(() => renderKustomization(missing)).toThrow(
      new RegExp(`kubectl kustomize ${missing} failed: .+`),
    );
  });
});
