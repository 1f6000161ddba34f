import {
  Document,
  LineCounter,
  Node,
  isAlias,
  isMap,
  isPair,
  isScalar,
  isSeq,
  parseAllDocuments,
  Tags,
} from 'yaml';
import { WorkspaceProblem } from './types';

/**
 * One YAML document of a file, kept with its source positions so a JSON pointer from a schema
 * error (`/spec/template/spec/containers/0/image`) can be turned back into a line number.
 */
export class YamlSourceDocument {
  constructor(
    private readonly document: Document.Parsed,
    private readonly lineCounter: LineCounter,
    /** 0-based position of the document in its file. */
    readonly index: number,
  ) {}

  /** The document as plain data (anchors and aliases resolved). */
  toJS(): unknown {
    return this.document.toJS({ maxAliasCount: 1000 });
  }

  /** Line of the document's first content (`apiVersion:` rather than a leading comment). */
  get firstLine(): number {
    const contents = this.document.contents;
    return this.lineAt(contents?.range?.[0] ?? 0);
  }

  /**
   * Line of the value a JSON pointer names. When `property` is given (an unknown or missing
   * field), the line of that key inside the pointed-to map if it is there. A pointer that runs
   * past the source (a default, a missing parent) stops at the deepest node that exists.
   */
  lineOf(pointer: string, property?: string): number {
    let node: unknown = this.document.contents;
    let line = this.firstLine;
    for (const segment of parsePointer(pointer)) {
      node = this.resolve(node);
      if (isMap(node)) {
        const pair = node.items.find(
          item => isScalar(item.key) && String(item.key.value) === segment,
        );
        if (!pair) return line;
        line = this.lineOfNode(pair.key, line);
        node = pair.value;
      } else if (isSeq(node)) {
        const item = node.items[Number(segment)];
        if (item === undefined) return line;
        line = this.lineOfNode(item, line);
        node = item;
      } else {
        return line;
      }
    }
    if (property !== undefined) {
      const map = this.resolve(node);
      if (isMap(map)) {
        const pair = map.items.find(
          item => isScalar(item.key) && String(item.key.value) === property,
        );
        if (pair) return this.lineOfNode(pair.key, line);
      }
    }
    return line;
  }

  private resolve(node: unknown): unknown {
    return isAlias(node) ? node.resolve(this.document) : node;
  }

  private lineOfNode(node: unknown, fallback: number): number {
    if (isPair(node)) return this.lineOfNode(node.key, fallback);
    const range = (node as Node | undefined)?.range;
    return range ? this.lineAt(range[0]) : fallback;
  }

  private lineAt(offset: number): number {
    return this.lineCounter.linePos(offset).line;
  }
}

/** RFC 6901 pointer → segments (`~1` is `/`, `~0` is `~`). */
export function parsePointer(pointer: string): string[] {
  if (pointer === '' || pointer === '/') return [];
  return pointer
    .replace(/^\//, '')
    .split('/')
    .map(s => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

export interface ParsedYamlFile {
  documents: YamlSourceDocument[];
  /** Syntax errors, each with its line; a file with any has no documents worth checking. */
  problems: WorkspaceProblem[];
}

export interface ParseYamlOptions {
  /**
   * YAML 1.1 for files read by Go (Kubernetes) or Ruby (GitLab) parsers, where `yes` and `on`
   * are booleans; 1.2 for files read by Backstage, which uses this same library.
   */
  version: '1.1' | '1.2';
  customTags?: Tags;
}

/** Parses every document of a YAML file, reporting syntax errors as problems with lines. */
export function parseYamlFile(
  file: string,
  text: string,
  options: ParseYamlOptions,
): ParsedYamlFile {
  const lineCounter = new LineCounter();
  const parsed = parseAllDocuments(text, {
    lineCounter,
    prettyErrors: false,
    version: options.version,
    customTags: options.customTags,
  });
  // parseAllDocuments returns an empty-stream marker instead of an array for a blank file.
  const docs = Array.isArray(parsed) ? parsed : [];
  const problems: WorkspaceProblem[] = [];
  for (const doc of docs) {
    for (const error of doc.errors) {
      problems.push({
        file,
        line: lineCounter.linePos(error.pos[0]).line,
        message: `YAML syntax error: ${firstLine(error.message)}`,
      });
    }
  }
  if (problems.length > 0) return { documents: [], problems };
  return {
    documents: docs
      .map((doc, index) => new YamlSourceDocument(doc, lineCounter, index))
      .filter(doc => doc.toJS() !== null && doc.toJS() !== undefined),
    problems,
  };
}

function firstLine(message: string): string {
  return message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
}
