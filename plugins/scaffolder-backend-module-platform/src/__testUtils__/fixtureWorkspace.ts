import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const fixturesDir = path.resolve(__dirname, '../__fixtures__');

/**
 * A temporary copy of rendered golden-path output (`src/__fixtures__/<names>`, merged), so a test
 * can break one file without touching the fixtures.
 */
export class FixtureWorkspace {
  readonly dir: string;

  constructor(...fixtures: string[]) {
    this.dir = fs.mkdtempSync(path.join(os.tmpdir(), 'platform-validate-'));
    for (const fixture of fixtures) this.addFixture(fixture);
  }

  /** Copies a fixture into the workspace, at its root or in a subdirectory. */
  addFixture(fixture: string, into = '.'): void {
    fs.cpSync(path.join(fixturesDir, fixture), path.join(this.dir, into), {
      recursive: true,
    });
  }

  read(file: string): string {
    return fs.readFileSync(path.join(this.dir, file), 'utf8');
  }

  write(file: string, text: string): void {
    fs.mkdirSync(path.dirname(path.join(this.dir, file)), { recursive: true });
    fs.writeFileSync(path.join(this.dir, file), text);
  }

  /** Replaces text that must be there (so a test cannot silently edit nothing). */
  replace(file: string, search: string, replacement: string): void {
    const text = this.read(file);
    if (!text.includes(search)) {
      throw new Error(`${file} does not contain ${JSON.stringify(search)}`);
    }
    this.write(file, text.replace(search, replacement));
  }

  remove(file: string): void {
    fs.rmSync(path.join(this.dir, file), { recursive: true });
  }

  /** The 1-based line of the first line containing `text`, to assert line numbers. */
  lineOf(file: string, text: string): number {
    const index = this.read(file)
      .split('\n')
      .findIndex(line => line.includes(text));
    if (index < 0) throw new Error(`${file} has no line with ${text}`);
    return index + 1;
  }

  cleanup(): void {
    fs.rmSync(this.dir, { recursive: true, force: true });
  }
}
